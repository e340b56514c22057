package org.cybernorms.compliance.workspace;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for the pages' header ({@code ${@signedIn.who()}}): asked of the security context as the page
 * renders, so that error pages, rendered outside any controller's model, show it too.
 */
@Component("signedIn")
public class SignedInModel {

    public Who who() {
        return Who.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
