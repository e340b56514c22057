package org.cybernorms.compliance.security;

import org.cybernorms.compliance.http.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.nio.file.Path;
import java.util.List;

import static org.cybernorms.compliance.security.Roles.ADMIN;
import static org.cybernorms.compliance.security.Roles.HISTORIAN;
import static org.cybernorms.compliance.security.Roles.MONITOR;
import static org.cybernorms.compliance.security.Roles.STATE;

/**
 * Two filter chains: the API's (stateless, bearer tokens or JWTs) and the pages' (a session opened by signing in,
 * with CSRF tokens). Who may do what. MONITOR records every fact; STATE:&lt;ISO3&gt; reads, answers reports against its own state,
 * requests and offers assistance in its own name and accepts or declines offers on its own requests;
 * HISTORIAN reads the event log and exports; ADMIN may do everything, including replays and imports. Reads of
 * instruments, records and scorecards are public unless {@code compliance.security.public-reads=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    /** What the API's chain answers; every other path is a page, answered by the pages' chain. */
    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/**"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /**
     * No observations of Spring Security's own (its filter chain, authentications, authorizations): with them every
     * security filter ran wrapped in an observation, about a tenth of the CPU of a cached scorecard read (profiled,
     * docs/scorecards.md "How reads stay fast"). Requests are still timed as {@code http_server_requests}; what the
     * filters decide is unchanged.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The rules' paths ({@code requestMatchers("/api/**")}) matched as Spring's path patterns, on the request's path,
     * instead of by asking Spring MVC's handler mappings how they would route each request (Spring Security's default
     * while MVC is there, through {@code HandlerMappingIntrospector}): about 7% of the server's time in a cached
     * scorecard read went to that (docs/benchmarks.md, "Reads: what bounds them"). Every rule here is a plain path with
     * {@code *} and {@code **}, which both kinds of matcher read alike; the security tests cover each of them.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    ProblemResponses problemResponses(ProblemWriter writer) {
        return new ProblemResponses(writer);
    }

    /** Requests the firewall refuses (encoded slashes, NUL, "..") get a 400 problem like every other mistake. */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter writer) {
        return (request, response, rejected) -> writer.write(request, response,
                org.springframework.http.HttpStatus.BAD_REQUEST, java.net.URI.create("/problems/invalid-input"),
                "Invalid input", "The request address is not acceptable: it holds characters or sequences that "
                        + "are refused for safety (such as encoded slashes, NUL or '..').");
    }

    @Bean
    StaticTokens staticTokens(@Value("${compliance.auth.tokens:}") String configured,
                              @Value("${compliance.data-dir}") String dataDir, SecuritySettings settings) {
        if (settings.jwt().enabled()) {
            return StaticTokens.parse(configured);
        }
        String tokens = configured == null || configured.isBlank()
                ? TokenFile.loadOrCreate(Path.of(dataDir))
                : configured;
        return StaticTokens.parse(tokens);
    }

    /**
     * The API: stateless and bearer-only. It reads no session and makes none, so a workspace session cookie sent
     * along with a call under {@code /api/**} authorises nothing (docs/workspace.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, StaticTokens tokens,
                            ProblemResponses problems) throws Exception {
        http.securityMatcher(API_PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::headers);

        List<String> origins = settings.cors().allowedOrigins();
        if (origins == null || origins.isEmpty()) {
            http.cors(AbstractHttpConfigurer::disable);
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept"));
            cors.setExposedHeaders(List.of("Location"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/api/**", cors);
            http.cors(c -> c.configurationSource(source));
        }

        if (settings.jwt().enabled()) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(j -> j.jwtAuthenticationConverter(
                            new JwtRoles(settings.jwt().roleClaim(), settings.jwt().stateClaim()))));
        } else {
            http.addFilterBefore(new StaticTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class);
        }

        boolean publicReads = settings.publicReads();
        http.authorizeHttpRequests(a -> {
            // A streamed answer (the event log) ends with an async dispatch of a request already authorised.
            a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll();
            a.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
                    "/actuator/health").permitAll();
            // Metrics tell load, ids of processors and timings: scraped with an ADMIN token, never public.
            a.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").hasRole(ADMIN);
            for (ApiAccess.Rule rule : ApiAccess.rules()) {
                if (rule.method() == null) {
                    a.requestMatchers(rule.patternArray()).hasAnyRole(rule.roleArray());
                } else {
                    a.requestMatchers(rule.method(), rule.patternArray()).hasAnyRole(rule.roleArray());
                }
            }
            if (publicReads) {
                a.anyRequest().permitAll();
            } else {
                a.anyRequest().hasAnyRole(MONITOR, STATE, HISTORIAN, ADMIN);
            }
        });
        return http.build();
    }

    /**
     * The pages and the workspace: a server-side session opened by signing in (a token on the embedded default, or
     * OIDC), CSRF tokens on every form, sign-out, and an idle timeout. Reads stay public unless
     * {@code compliance.security.public-reads=false}; the work queue, the state's page and the event log need the
     * role that uses them. A refusal is the 403 page, an unsigned visitor is sent to the sign-in page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecuritySettings settings, StaticTokens tokens,
                              ObjectProvider<OidcSignIn> oidc) throws Exception {
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setMatchingRequestParameterName(null);
        SignedIn signedIn = new SignedIn(settings.session().idleTimeout(), requests);

        TokenSignInFilter signIn = new TokenSignInFilter(tokens);
        signIn.setSecurityContextRepository(contexts);
        signIn.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens))));
        signIn.setAuthenticationSuccessHandler(signedIn);
        signIn.setAuthenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler("/sign-in?error"));

        http.securityContext(c -> c.securityContextRepository(contexts))
                // An API request's error dispatch (to /error) passes this chain; only a page's own posts need a token.
                .csrf(c -> c.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(request ->
                        request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
                                && CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(c -> c.requestCache(requests))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true).clearAuthentication(true))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(TokenSignInFilter.PATH))
                        .accessDeniedHandler(new ForbiddenPage()))
                .headers(SecurityConfiguration::headers)
                .addFilterAt(signIn, UsernamePasswordAuthenticationFilter.class);

        OidcSignIn oidcSignIn = oidc.getIfAvailable();
        if (oidcSignIn != null) {
            oidcSignIn.configure(http, signedIn);
        }

        boolean publicReads = settings.publicReads();
        http.authorizeHttpRequests(a -> {
            a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.FORWARD, jakarta.servlet.DispatcherType.ERROR,
                    jakarta.servlet.DispatcherType.ASYNC).permitAll();
            a.requestMatchers("/sign-in", "/forbidden", "/error", "/css/**", "/js/**", "/webjars/**",
                    "/favicon.ico", "/oauth2/**", "/login/oauth2/**").permitAll();
            a.requestMatchers("/work", "/work/**").hasAnyRole(MONITOR, ADMIN);
            a.requestMatchers("/my-state", "/my-state/**").hasRole(STATE);
            a.requestMatchers("/events", "/events/**").hasAnyRole(HISTORIAN, ADMIN);
            // Each form is checked again against the API's own rules (ApiAccess) before anything is recorded.
            a.requestMatchers("/workspace/**").authenticated();
            if (publicReads) {
                a.anyRequest().permitAll();
            } else {
                a.anyRequest().hasAnyRole(MONITOR, STATE, HISTORIAN, ADMIN);
            }
        });
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
    }
}
