package org.recworkbench.dl4j.internal;

import java.io.File;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.dl4j.DeepLearning;

/**
 * The {@link DeepLearning} service. This class names no ND4J or JavaCPP type (loading JavaCPP's classes already
 * loads natives): ND4J is touched only in {@link Nd4jStart}, on the first availability question.
 */
@Component(service = DeepLearning.class)
public class Dl4jRuntime implements DeepLearning {

    /** Why the natives cannot be used (null: they can); started on first need. */
    private final AtomicReference<CompletableFuture<String>> failure = new AtomicReference<>();
    private volatile ClassLoader loader = Dl4jRuntime.class.getClassLoader();
    private final int threads = Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors());
    private final int opThreads = Integer.getInteger(OP_THREADS, 1);

    /** Only notes where JavaCPP extracts its natives: once per installation, not into the user's home. */
    @Activate
    void activate(BundleContext context) {
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            File cache = context.getDataFile("javacpp");
            if (cache != null) {
                System.setProperty("org.bytedeco.javacpp.cachedir", cache.getAbsolutePath());
            }
        }
        loader = Dl4jRuntime.class.getClassLoader();
    }

    private String startNow(ClassLoader with) {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH, ""))) {
            return "turned off by -D" + SWITCH + "=off";
        }
        if (threads < 1 || opThreads < 1) {
            return "-D" + THREADS + "=" + threads + " and -D" + OP_THREADS + "=" + opThreads
                    + " must be positive numbers of threads";
        }
        try {
            return Nd4jStart.start(with, threads, opThreads);
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError, ...
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String failure() {
        CompletableFuture<String> started = failure.get();
        if (started == null) {
            CompletableFuture<String> mine = new CompletableFuture<>();
            if (failure.compareAndSet(null, mine)) {
                mine.complete(startNow(loader));
            }
            started = failure.get();
        }
        return started.join();
    }

    @Override
    public boolean isAvailable() {
        return failure() == null;
    }

    @Override
    public String unavailableReason() {
        return failure();
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public int opThreads() {
        return opThreads;
    }
}
