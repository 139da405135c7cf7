package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.DatasetException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The batches of one epoch, in order, made ahead by the loader's workers (at most {@code depth} batches
 * in flight; once all of this epoch's batches are under way, the next epoch's first ones are started).
 * close() cancels what was not taken yet.
 */
public final class Epoch implements Iterator<Batch>, Iterable<Batch>, AutoCloseable {
    private final DataLoader loader;
    private final int epoch;
    private final int[] order;
    private final int batches;
    private final int depth;
    private final ArrayDeque<Future<Batch>> ahead = new ArrayDeque<>();
    private int submitted;
    private int taken;
    private volatile boolean closed;

    /**
     * Starts the epoch at batch {@code first} (earlier ones are skipped, never made) with {@code initial}
     * batches submitted (more follow as batches are taken).
     */
    Epoch(DataLoader loader, int epoch, int[] order, int batches, int depth, int initial, int first) {
        this.loader = loader;
        this.epoch = epoch;
        this.order = order;
        this.batches = batches;
        this.depth = depth;
        this.submitted = Math.min(first, batches);
        this.taken = submitted;
        while (submitted < Math.min(first + initial, batches)) {
            submitNext();
        }
    }

    /** Submits batches until {@code depth} are in flight. */
    void topUp() {
        while (!closed && ahead.size() < depth && submitted < batches) {
            submitNext();
        }
    }

    /** Submits one more batch (for the epoch before this one, whose batches are all submitted). */
    void submitOne() {
        if (!closed && ahead.size() < depth && submitted < batches) {
            submitNext();
        }
    }

    public int epoch() {
        return epoch;
    }

    /** Batches in this epoch. */
    public int size() {
        return batches;
    }

    /** Dataset indices in the order this epoch visits them. */
    public int[] order() {
        return order.clone();
    }

    private void submitNext() {
        int b = submitted++;
        ahead.addLast(loader.submit(epoch, b, order, () -> closed));
    }

    @Override
    public boolean hasNext() {
        return !closed && taken < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Future<Batch> f = ahead.pollFirst();
        if (submitted < batches) {
            submitNext();
        } else {
            loader.prefetchBeyond(this); // keep the workers busy across the epoch boundary
        }
        taken++;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("data loader interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new DatasetException("data loader failed: " + c, c);
        }
    }

    @Override
    public Iterator<Batch> iterator() {
        return this;
    }

    /** Cancels the batches not taken and waits for the ones being made (their buffers go back to the pool). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Future<Batch> f : ahead) {
            if (f.cancel(false)) {
                continue;
            }
            try {
                Batch b = f.get();
                if (b != null) {
                    b.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | CancellationException e) {
                // the batch failed or was dropped: nothing to hand back
            }
        }
        ahead.clear();
    }
}
