package org.cybernorms.compliance.importing.eurepoc;

import java.util.List;

/** The file as a whole is not a EuRepoC Global Database CSV: a required column is missing, or the CSV is broken. */
public class EurepocFormatException extends RuntimeException {

    private final List<String> problems;

    public EurepocFormatException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
