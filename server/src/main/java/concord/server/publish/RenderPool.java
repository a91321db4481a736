package concord.server.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders report formats side by side, on daemon threads shared by every run of the process (one per processor,
 * at most four: rendering is CPU work). Results come back in task order; the first task that failed rethrows
 * its exception once every task has ended, so no rendering is left running behind a failed run.
 */
final class RenderPool {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "concord-render");
                t.setDaemon(true);
                return t;
            });

    private RenderPool() {
    }

    static <T> List<T> runAll(List<Callable<T>> tasks) {
        if (tasks.size() <= 1) {
            List<T> out = new ArrayList<>();
            for (Callable<T> task : tasks) {
                out.add(call(task));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(POOL.submit(task));
        }
        List<T> out = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<T> future : futures) {
            try {
                out.add(future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a report could not be rendered: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering reports", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a report could not be rendered: " + e, e);
        }
    }
}
