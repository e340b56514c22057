package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.security.Roles;
import org.springframework.security.core.Authentication;

/** Who is signed in, as the pages need it: the role, and which parts of the workspace it uses. */
public record Who(boolean signedIn, String role, boolean monitor, boolean historian, String state) {

    static Who of(Authentication authentication) {
        String role = Roles.roleOf(authentication).orElse(null);
        if (role == null) {
            return new Who(false, null, false, false, null);
        }
        boolean monitor = Roles.has(authentication, Roles.MONITOR) || Roles.has(authentication, Roles.ADMIN);
        boolean historian = Roles.has(authentication, Roles.HISTORIAN) || Roles.has(authentication, Roles.ADMIN);
        String state = role.startsWith(Roles.STATE + ":") ? role.substring(Roles.STATE.length() + 1) : null;
        return new Who(true, role, monitor, historian, state);
    }
}
