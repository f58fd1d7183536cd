package io.patternscope.patternmodel;

import java.io.File;
import org.bytedeco.javacpp.Loader;

/**
 * Loads TensorFlow's native library from the TF Java jar on the class path (through JavaCPP) and
 * points DJL at it, fully offline: DJL must never try to download an engine. Call before any DJL
 * or TF Java use; idempotent.
 */
public final class TensorFlowNatives {

    private static volatile boolean loaded;

    private TensorFlowNatives() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        String library = Loader.load(org.tensorflow.internal.c_api.global.tensorflow.class);
        if (library != null && System.getProperty("TENSORFLOW_LIBRARY_PATH") == null) {
            System.setProperty("TENSORFLOW_LIBRARY_PATH", new File(library).getParent());
        }
        loaded = true;
    }
}
