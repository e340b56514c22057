package org.cybernorms.compliance.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticTokensTest {

    @Test
    void findsTheHolderOfEachConfiguredToken() {
        StaticTokens tokens = StaticTokens.parse("m1=MONITOR, f1=state:fra,h1=HISTORIAN,a1=ADMIN");

        assertThat(tokens.holderOf("m1")).get().extracting(StaticTokens.Holder::role).isEqualTo("MONITOR");
        assertThat(tokens.holderOf("f1")).get().extracting(StaticTokens.Holder::role).isEqualTo("STATE:FRA");
        assertThat(tokens.holderOf("a1")).get().extracting(StaticTokens.Holder::role).isEqualTo("ADMIN");
        assertThat(tokens.holderOf("m2")).isEmpty();
        assertThat(tokens.holderOf("")).isEmpty();
    }

    @Test
    void namesHoldersWithoutRevealingTheirTokens() {
        StaticTokens.Holder holder = StaticTokens.parse("secret-monitor-token=MONITOR").holderOf("secret-monitor-token")
                .orElseThrow();

        assertThat(holder.name()).startsWith("token:MONITOR:").doesNotContain("secret");
    }

    @Test
    void refusesAnUnknownRoleWithoutEchoingTheToken() {
        assertThatThrownBy(() -> StaticTokens.parse("ok=MONITOR,very-secret=KING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pair 2")
                .hasMessageNotContaining("very-secret");
        assertThatThrownBy(() -> StaticTokens.parse("x=STATE:XXX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticTokens.parse("no-role-here")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("no-role-here");
    }

    @Test
    void treatsAnEmptyConfigurationAsNoTokens() {
        assertThat(StaticTokens.parse("").isEmpty()).isTrue();
        assertThat(StaticTokens.parse(null).isEmpty()).isTrue();
    }
}
