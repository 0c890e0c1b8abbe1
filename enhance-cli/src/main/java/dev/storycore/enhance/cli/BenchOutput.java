package dev.storycore.enhance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** How benchmark commands report: progress lines on stderr, the result as a table or JSON on stdout. */
final class BenchOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchOutput() {
    }

    /** A progress sink that prints each line to stderr at once. */
    static Consumer<String> progress(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** Prints the report as indented JSON, or its table for people. */
    static void print(PrintWriter out, boolean json, Object report, String table) throws JsonProcessingException {
        if (json) {
            out.println(JSON.writeValueAsString(report));
        } else {
            out.print(table);
        }
        out.flush();
    }
}
