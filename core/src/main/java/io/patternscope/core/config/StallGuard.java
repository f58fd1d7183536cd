package io.patternscope.core.config;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the silence of a streamed response body: if no byte arrives for {@code maxSilence}, the
 * stream is closed, which makes the blocked read fail with an IOException. The HTTP client's
 * request timeout covers only the wait for the response headers; a backend that sends headers
 * and then stalls would otherwise hold the reading thread forever.
 */
public final class StallGuard extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-read-stall-guard");
        t.setDaemon(true);
        return t;
    });

    private final long maxSilenceNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    public StallGuard(InputStream in, Duration maxSilence) {
        super(in);
        this.maxSilenceNanos = maxSilence.toNanos();
        long period = Math.max(50, maxSilence.toMillis() / 4);
        this.check = WATCHDOG.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
    }

    private void closeIfStalled() {
        if (System.nanoTime() - lastProgress > maxSilenceNanos) {
            stalled = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader sees the failure
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return guarded(super.read());
        } catch (IOException e) {
            throw stalled ? stall(e) : e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return guarded(super.read(buffer, offset, length));
        } catch (IOException e) {
            throw stalled ? stall(e) : e;
        }
    }

    private int guarded(int result) throws IOException {
        if (stalled) {
            throw stall(null);
        }
        lastProgress = System.nanoTime();
        return result;
    }

    /** The read failed because the watchdog closed a silent stream: say so. */
    private IOException stall(IOException cause) {
        return new IOException("no data for " + Duration.ofNanos(maxSilenceNanos).toMillis() + " ms: the backend stalled",
                cause);
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
