package org.cybernorms.compliance.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NormCodeTest {

    private static List<String> sorted(String... codes) {
        return Stream.of(codes).map(NormCode::of).sorted().map(NormCode::value).toList();
    }

    @Test
    void sortsArticleNumbersAsNumbers() {
        assertThat(sorted("art10", "art2", "art1", "art11", "art3")).containsExactly("art1", "art2", "art3", "art10",
                "art11");
    }

    @Test
    void keepsTheAlphabeticalOrderOfTheGgeNorms() {
        assertThat(sorted("13k", "13a", "13f", "13b")).containsExactly("13a", "13b", "13f", "13k");
    }

    @Test
    void ordersCodesOfOtherShapesTotally() {
        assertThat(sorted("art2b", "art2", "art2a", "art02", "b1", "a9")).containsExactly("a9", "art02", "art2",
                "art2a", "art2b", "b1");
        assertThat(NormCode.of("art02").compareTo(NormCode.of("art2"))).isNotZero();
    }
}
