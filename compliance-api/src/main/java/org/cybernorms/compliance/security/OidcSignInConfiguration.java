package org.cybernorms.compliance.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.net.URI;

/**
 * Production sign-in to the workspace: OIDC authorization code with PKCE at the issuer whose JWTs the API accepts
 * ({@code compliance.security.jwt.enabled=true} and {@code compliance.security.oidc.*}). The roles come from the ID
 * token's claims, read as {@link JwtRoles} reads an access token's, so a person has the same role in the browser as
 * their tokens have at the API. The session then works as a token sign-in's does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${compliance.security.jwt.enabled:false} "
        + "and '${compliance.security.oidc.issuer-uri:}' != '' and '${compliance.security.oidc.client-id:}' != ''")
class OidcSignInConfiguration {

    static final String REGISTRATION = "issuer";

    @Bean
    OidcSignIn oidcSignIn(SecuritySettings settings) {
        SecuritySettings.Oidc oidc = settings.oidc();
        JwtRoles roles = new JwtRoles(settings.jwt().roleClaim(), settings.jwt().stateClaim());
        ClientRegistrationRepository registrations = new LazyRegistration(oidc);
        String name = oidc.issuerName().isBlank() ? URI.create(oidc.issuerUri()).getHost() : oidc.issuerName();
        return new OidcSignIn() {
            @Override
            public String issuerName() {
                return name;
            }

            @Override
            public String startPath() {
                return "/oauth2/authorization/" + REGISTRATION;
            }

            @Override
            public void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn) throws Exception {
                DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                        registrations, "/oauth2/authorization");
                requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
                http.oauth2Login(o -> o.loginPage(TokenSignInFilter.PATH)
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                        .userInfoEndpoint(u -> u.oidcUserService(users(roles)))
                        .successHandler(signedIn)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler(TokenSignInFilter.PATH + "?error")));
            }
        };
    }

    /** The signed-in person: the ID token's subject, with the roles its claims grant. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> users(JwtRoles roles) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            return new DefaultOidcUser(roles.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(),
                    "sub");
        };
    }

    /**
     * The issuer's registration, read from its discovery document at the first sign-in rather than at start, so that
     * the tracker starts (and serves the API and public pages) while the issuer is unreachable.
     */
    private static final class LazyRegistration implements ClientRegistrationRepository {

        private final SecuritySettings.Oidc oidc;
        private volatile ClientRegistration registration;

        LazyRegistration(SecuritySettings.Oidc oidc) {
            this.oidc = oidc;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                        .registrationId(REGISTRATION)
                        .clientId(oidc.clientId())
                        .scope("openid")
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
                if (oidc.clientSecret().isBlank()) {
                    builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
                } else {
                    builder.clientSecret(oidc.clientSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                }
                found = builder.build();
                registration = found;
            }
            return found;
        }
    }
}
