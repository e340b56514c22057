package org.cybernorms.compliance.importing.eurepoc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two shapes of multi-valued cells in the EuRepoC CSV. */
class EurepocCellsTest {

    @Test
    void readsAPythonStyleListOfStrings() {
        assertThat(Cells.pythonList("['China', 'China']")).containsExactly("China", "China");
    }

    @Test
    void readsDoubleQuotedItemsThatHoldAnApostrophe() {
        assertThat(Cells.pythonList("['Russia', \"Korea, Democratic People's Republic of\"]"))
                .containsExactly("Russia", "Korea, Democratic People's Republic of");
    }

    @Test
    void flattensNestedListsInOrder() {
        assertThat(Cells.pythonList("[['State institutions / political system', 'Media'], ['Critical infrastructure']]"))
                .containsExactly("State institutions / political system", "Media", "Critical infrastructure");
    }

    @Test
    void decodesPythonEscapes() {
        assertThat(Cells.pythonList("['a\\xa0b', 'it\\'s', 'back\\\\slash', '\\u00e9']"))
                .containsExactly("a\u00a0b", "it's", "back\\slash", "\u00e9");
    }

    @Test
    void keepsBareWordsAsText() {
        assertThat(Cells.pythonList("[None, nan, 'x']")).containsExactly("None", "nan", "x");
    }

    @Test
    void readsEmptyCellsAndEmptyListsAsNothing() {
        assertThat(Cells.pythonList("")).isEmpty();
        assertThat(Cells.pythonList("[]")).isEmpty();
        assertThat(Cells.pythonList("[[]]")).isEmpty();
        assertThat(Cells.pythonList(" [ 'a' , ] ")).containsExactly("a");
    }

    @Test
    void readsACellThatIsNoListAsOneValue() {
        assertThat(Cells.pythonList("Not available")).containsExactly("Not available");
    }

    @ParameterizedTest
    @ValueSource(strings = {"['unterminated", "['a' 'b']", "['a']]", "[", "['a',", "['\\x4']"})
    void refusesAListItCannotRead(String cell) {
        assertThatThrownBy(() -> Cells.pythonList(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a readable list");
    }

    @Test
    void splitsSemicolonJoinedValuesKeepingEmptyPositions() {
        assertThat(Cells.semicolonList("State; Non-state actor, state-affiliation suggested"))
                .containsExactly("State", "Non-state actor, state-affiliation suggested");
        assertThat(Cells.semicolonList("; Hacktivist(s)")).containsExactly("", "Hacktivist(s)");
        assertThat(Cells.semicolonList("")).isEmpty();
        assertThat(Cells.semicolonList("2018-01-01 00:00:00")).containsExactly("2018-01-01 00:00:00");
    }
}
