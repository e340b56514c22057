/**
 * Who may do what: bearer tokens (static in the embedded default, OIDC JWTs in production), the roles MONITOR,
 * STATE:&lt;ISO3&gt;, HISTORIAN and ADMIN, the audit of who caused each event, and the problem answers 401 and 403.
 */
package org.cybernorms.compliance.security;
