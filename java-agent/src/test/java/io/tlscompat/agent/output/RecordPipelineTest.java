package io.tlscompat.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.diagnosis.HandshakeJudge;
import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.diagnosis.RecordDiagnoser;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Records;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordPipelineTest {
    /** A consumer that is slower than any application: blocks until released. */
    static final class StuckConsumer implements RecordConsumer {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicLong seen = new AtomicLong();

        @Override
        public void consume(HandshakeRecord record) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aWriterThatCannotKeepUpDropsAndCountsWithoutBlocking() throws Exception {
        StuckConsumer stuck = new StuckConsumer();
        HandshakeStats stats = new HandshakeStats();
        List<RecordConsumer> consumers = new ArrayList<>();
        consumers.add(stuck);
        consumers.add(stats);
        RecordPipeline pipeline = new RecordPipeline(8, new Diagnostician(new RecordDiagnoser(new HandshakeJudge(), true), new HandshakeJudge(), null), stats,
                consumers);
        pipeline.start();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pipeline.accept(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).as("accept never waits for the writer").isLessThan(2000);
        // At most one batch taken by the writer (1 + up to 8) and 8 queued: the rest dropped and counted.
        assertThat(pipeline.dropped()).isBetween(1000L - 17, 1000L - 8);
        stuck.release.countDown();
        pipeline.shutdown(5000);
        assertThat(pipeline.dropped() + pipeline.written()).isEqualTo(1000);
        // Records may be dropped; counters may not: every handshake is counted before the queue.
        assertThat(stats.total()).isEqualTo(1000);
        assertThat(stats.servers().get(0)).containsEntry("attempts", 1000L).containsEntry("ok", 1000L);
    }

    @Test
    void syncReturnsOnlyAfterEverythingQueuedBeforeItWasHandled() throws Exception {
        HandshakeStats stats = new HandshakeStats();
        RecordPipeline pipeline = new RecordPipeline(1000, new Diagnostician(new RecordDiagnoser(new HandshakeJudge(), true), new HandshakeJudge(), null),
                stats, Collections.<RecordConsumer>singletonList(stats));
        for (int i = 0; i < 500; i++) {
            pipeline.accept(Records.ok("db1", 1433, "TLSv1.2", "TLS_AES_128_GCM_SHA256"));
        }
        pipeline.start();
        pipeline.sync(10000);
        // stats counts at accept; written says the writer has handled them all
        assertThat(pipeline.written()).isEqualTo(500);
        pipeline.shutdown(1000);
    }

    @Test
    void sixtyFourThreadsAtOnceLoseNothingWhenTheQueueIsLargeEnough() throws Exception {
        HandshakeStats stats = new HandshakeStats();
        RecordPipeline pipeline = new RecordPipeline(100000, new Diagnostician(new RecordDiagnoser(new HandshakeJudge(), true), new HandshakeJudge(), null),
                stats, Collections.<RecordConsumer>singletonList(stats));
        pipeline.start();
        final CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            final int server = t % 4;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 500; i++) {
                    pipeline.accept(Records.ok("db" + server, 1433, "TLSv1.2", "TLS_AES_128_GCM_SHA256"));
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        pipeline.shutdown(10000);
        assertThat(pipeline.dropped()).isZero();
        assertThat(stats.total()).isEqualTo(64 * 500);
        assertThat(stats.servers()).hasSize(4);
    }
}
