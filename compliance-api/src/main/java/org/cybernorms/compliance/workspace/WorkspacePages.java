package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.security.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** The sign-in page and the 403 page. Signing in and out themselves are the pages' security chain's. */
@Controller
class WorkspacePages {

    private final ObjectProvider<OidcSignIn> oidc;

    WorkspacePages(ObjectProvider<OidcSignIn> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/sign-in")
    String signIn(jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        OidcSignIn issuer = oidc.getIfAvailable();
        model.addAttribute("oidc", issuer);
        return "sign-in";
    }

    @RequestMapping(path = "/forbidden", method = {RequestMethod.GET, RequestMethod.POST})
    String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return "forbidden";
    }
}
