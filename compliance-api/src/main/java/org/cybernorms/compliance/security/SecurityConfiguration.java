package org.cybernorms.compliance.security;

import org.cybernorms.compliance.http.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
 * Who may do what. MONITOR records every fact; STATE:&lt;ISO3&gt; reads, answers reports against its own state,
 * requests and offers assistance in its own name and accepts or declines offers on its own requests;
 * HISTORIAN reads the event log and exports; ADMIN may do everything, including replays and imports. Reads of
 * instruments, records and scorecards are public unless {@code compliance.security.public-reads=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

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

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, StaticTokens tokens,
                            ProblemResponses problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));

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
                    "/actuator/health", "/error").permitAll();
            // Metrics tell load, ids of processors and timings: scraped with an ADMIN token, never public.
            a.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").hasRole(ADMIN);
            a.requestMatchers("/api/admin/**").hasRole(ADMIN);
            a.requestMatchers(HttpMethod.POST, "/api/imports/**").hasAnyRole(MONITOR, ADMIN);
            a.requestMatchers(HttpMethod.GET, "/api/events", "/api/events/**").hasAnyRole(HISTORIAN, ADMIN);
            a.requestMatchers(HttpMethod.POST, "/api/events/verify").hasAnyRole(HISTORIAN, ADMIN);
            a.requestMatchers(HttpMethod.POST, "/api/violations/*/response").hasAnyRole(MONITOR, ADMIN, STATE);
            // A state may request and offer assistance in its own name, and answer offers on its own requests; the
            // controller checks "its own" (403 otherwise).
            a.requestMatchers(HttpMethod.POST, "/api/assistance/requests", "/api/assistance/requests/*/offers",
                    "/api/assistance/offers/*/acceptance", "/api/assistance/offers/*/declination")
                    .hasAnyRole(MONITOR, ADMIN, STATE);
            a.requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(MONITOR, ADMIN);
            if (publicReads) {
                a.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                a.anyRequest().permitAll();
            } else {
                a.requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(MONITOR, STATE, HISTORIAN, ADMIN);
                a.anyRequest().hasAnyRole(MONITOR, STATE, HISTORIAN, ADMIN);
            }
        });
        return http.build();
    }
}
