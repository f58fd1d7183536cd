package io.patternscope.demo;

import java.nio.file.Path;
import java.time.Instant;

/** {@code GenerateDemoData FILE [full|small] [NAB_DIR]}: writes the demo data ending now (+10 min). */
public final class GenerateDemoData {

    private GenerateDemoData() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GenerateDemoData FILE [full|small] [NAB_DIR]");
            System.exit(2);
        }
        Path nab = args.length > 2 ? Path.of(args[2]) : null;
        Instant end = DemoClock.dataEnd();
        DemoSettings settings = "small".equals(args.length > 1 ? args[1] : "full")
                ? DemoSettings.small(end, nab) : DemoSettings.full(end, nab);
        long t0 = System.nanoTime();
        DemoDataGenerator.Written written = new DemoDataGenerator(settings).write(Path.of(args[0]));
        System.out.printf("wrote %d series, %d samples in %.1f s%n", written.series(), written.samples(),
                (System.nanoTime() - t0) / 1e9);
    }
}
