package org.cybernorms.compliance.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code who} (the signed-in role) in the model of every page, for the header and the actions shown. */
@ControllerAdvice(basePackages = {"org.cybernorms.compliance.web", "org.cybernorms.compliance.workspace"})
class SignedInModel {

    @ModelAttribute("who")
    Who who() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Who.of(authentication);
    }
}
