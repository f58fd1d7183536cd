package io.patternscope.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a JSON-lines file line by line, blank lines skipped, with 1-based line numbers for messages. */
final class JsonLines {

    @FunctionalInterface
    interface LineHandler {
        void accept(int number, String line) throws IOException;
    }

    private JsonLines() {
    }

    static void forEach(Path file, LineHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    handler.accept(number, line);
                }
            }
        }
    }
}
