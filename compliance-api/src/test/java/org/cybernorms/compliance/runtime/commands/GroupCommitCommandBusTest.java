package org.cybernorms.compliance.runtime.commands;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The group-commit command bus on Axon's own configuration: a real aggregate, repository and event store (in memory,
 * its appends made transactional by {@link Transactions}), so that a rolled-back group stores nothing.
 */
class GroupCommitCommandBusTest {

    record Open(@TargetAggregateIdentifier String id) {
    }

    record Add(@TargetAggregateIdentifier String id, int amount) {
    }

    record Opened(String id) {
    }

    record Added(String id, int amount) {
    }

    /** An account that refuses a negative amount before applying anything. */
    static class Account {
        @AggregateIdentifier
        private String id;
        private int total;

        Account() {
        }

        @CommandHandler
        Account(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        int handle(Add command) {
            if (command.amount() < 0) {
                throw new IllegalArgumentException("refused: " + command.amount());
            }
            apply(new Added(command.id(), command.amount()));
            return total;
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            total += event.amount();
        }
    }

    private Transactions transactions;
    private TransactionalStorage storage;
    private GroupCommitCommandBus bus;
    private Configuration axon;
    private CommandGateway gateway;

    @BeforeEach
    void start() {
        start(1);
    }

    private void start(int writers) {
        transactions = new Transactions();
        storage = new TransactionalStorage(transactions);
        bus = new GroupCommitCommandBus(SimpleCommandBus.builder().build(),
                SimpleCommandBus.builder().transactionManager(transactions).build(), transactions, 64, 1000,
                command -> command.getPayload() instanceof Open open && open.id().startsWith("catalog"), writers);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(
                new SimpleCorrelationDataProvider("actor"))));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .configureTransactionManager(c -> transactions)
                .configureCommandBus(c -> bus)
                .configureAggregate(Account.class)
                .buildConfiguration();
        axon.start();
        gateway = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        bus.close();
    }

    @Test
    void commandsWaitingTogetherAreCommittedInOneTransaction() throws Exception {
        gateway.sendAndWait(new Open("a"));
        int before = transactions.committed.get();

        List<CompletableFuture<Object>> results = heldWhile(() -> {
            List<CompletableFuture<Object>> sent = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                sent.add(gateway.send(new Add("a", i)));
            }
            return sent;
        });

        for (CompletableFuture<Object> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(Integer.class);
        }
        // the held command alone, then the ten that waited, together
        assertThat(transactions.committed.get() - before).isEqualTo(2);
        assertThat(storedAmounts("a")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aRefusedCommandFailsAloneAndTheOthersOfItsGroupAreStored() throws Exception {
        gateway.sendAndWait(new Open("a"));

        List<CompletableFuture<Object>> results = heldWhile(() -> List.of(
                gateway.send(new Add("a", 1)), gateway.send(new Add("a", -5)), gateway.send(new Add("a", 2))));

        // each answer is the account's total after the command
        assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> results.get(1).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("refused: -5");
        // the group was rolled back and every command handled again alone: the aggregate never saw the refused one
        assertThat(results.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(storedAmounts("a")).containsExactly(0, 1, 2);
        assertThat(transactions.rolledBack.get()).isPositive();
    }

    @Test
    void aGroupWhoseCommitFailsIsHandledAgainCommandByCommandAndStoredOnce() throws Exception {
        gateway.sendAndWait(new Open("a"));
        gateway.sendAndWait(new Open("b"));

        List<CompletableFuture<Object>> results = heldWhile(() -> {
            transactions.failNextCommit.set(true);
            return List.of(gateway.send(new Add("a", 1)), gateway.send(new Add("b", 2)),
                    gateway.send(new Add("a", 3)));
        });

        assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(results.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(results.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(transactions.failedCommits.get()).isEqualTo(1);
        assertThat(storedAmounts("a")).containsExactly(0, 1, 3);
        assertThat(storedAmounts("b")).containsExactly(0, 2);
    }

    @Test
    void eachCommandOfAGroupCarriesItsOwnCorrelationDataOntoItsEvents() throws Exception {
        gateway.sendAndWait(new Open("a"));

        List<CompletableFuture<Object>> results = heldWhile(() -> List.of(
                gateway.send(GenericCommandMessage.asCommandMessage(new Add("a", 1))
                        .andMetaData(MetaData.with("actor", "first"))),
                gateway.send(GenericCommandMessage.asCommandMessage(new Add("a", 2))
                        .andMetaData(MetaData.with("actor", "second")))));
        for (CompletableFuture<Object> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }

        List<Object> actors = new ArrayList<>();
        stored("a").forEach(event -> {
            if (event.getPayload() instanceof Added) {
                actors.add(event.getMetaData().get("actor"));
            }
        });
        assertThat(actors).containsExactly("first", "second");
    }

    @Test
    void aCommandWhoseEventsOthersReadBackIsNeverGroupedAndTheGroupBeforeItCommitsFirst() throws Exception {
        gateway.sendAndWait(new Open("a"));
        int before = transactions.committed.get();

        List<CompletableFuture<Object>> results = heldWhile(() -> List.of(
                gateway.send(new Add("a", 1)), gateway.send(new Add("a", 2)), gateway.send(new Open("catalog-1")),
                gateway.send(new Add("a", 3)), gateway.send(new Add("a", 4))));
        for (CompletableFuture<Object> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }

        // the held command; the two before the read-back command; it alone; the two after it
        assertThat(transactions.committed.get() - before).isEqualTo(4);
        assertThat(storedAmounts("a")).containsExactly(0, 1, 2, 3, 4);
        assertThat(stored("catalog-1")).hasSize(1);
    }

    @Test
    void aCommandSentWhileAUnitOfWorkIsActiveIsHandledOnTheCallersThread() {
        gateway.sendAndWait(new Open("a"));
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        AtomicReference<CommandResultMessage<?>> outcome = new AtomicReference<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> bus.dispatch(
                GenericCommandMessage.asCommandMessage(new Add("a", 4)), (command, result) -> {
                    handledOn.set(Thread.currentThread());
                    outcome.set(result);
                }));

        assertThat(handledOn.get()).isSameAs(Thread.currentThread());
        assertThat(outcome.get().isExceptional()).isFalse();
        assertThat(storedAmounts("a")).containsExactly(0, 4);
    }

    @Test
    void afterCloseNewCommandsAreRefused() {
        bus.close();

        assertThatThrownBy(() -> gateway.sendAndWait(new Open("late")))
                .hasMessageContaining("shut down");
    }

    @Test
    void withTwoWritersTheNextCommandsAreHandledWhileAGroupCommits() throws Exception {
        stop();
        start(2);
        gateway.sendAndWait(new Open("c"));
        Committing committing = groupOfTwoHeldInItsCommit();

        assertThat(gateway.send(new Add("c", 3)).get(10, TimeUnit.SECONDS)).as("handled by the other writer")
                .isEqualTo(3);
        assertThat(committing.group()).noneMatch(CompletableFuture::isDone);
        committing.commit().countDown();
        assertThat(committing.group().get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(committing.group().get(1).get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void withTwoWritersTheCommandsForOneAggregateAreHandledInTheOrderSent() throws Exception {
        stop();
        start(2);
        gateway.sendAndWait(new Open("a"));
        gateway.sendAndWait(new Open("b"));

        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            sent.add(gateway.send(new Add(i % 2 == 0 ? "a" : "b", i)));
        }
        for (CompletableFuture<Object> result : sent) {
            result.get(10, TimeUnit.SECONDS);
        }

        assertThat(storedAmounts("a")).containsExactlyElementsOf(amounts(0, 2));
        assertThat(storedAmounts("b")).containsExactlyElementsOf(amounts(0, 1));
    }

    @Test
    void withTwoWritersACommandWhoseEventsOthersReadBackWaitsForTheGroupStillCommitting() throws Exception {
        stop();
        start(2);
        Committing committing = groupOfTwoHeldInItsCommit();
        CompletableFuture<Object> readBack = gateway.send(new Open("catalog-1"));
        Thread.sleep(200);

        assertThat(readBack).as("waits for the group's commit").isNotDone();
        committing.commit().countDown();
        readBack.get(10, TimeUnit.SECONDS);
        committing.group().get(0).get(10, TimeUnit.SECONDS);
        List<Object> order = new ArrayList<>();
        storage.readEvents(null, false).forEach(event -> order.add(event.getPayload()));
        assertThat(order.indexOf(new Added("b", 2))).as("committed first")
                .isLessThan(order.indexOf(new Opened("catalog-1")));
    }

    /** A group's commands, and the latch that lets its held commit go on. */
    private record Committing(List<CompletableFuture<Object>> group, CountDownLatch commit) {
    }

    /**
     * Opens accounts a and b, then sends a group of two commands to them (1 to a, 2 to b) and holds the group's
     * commit, which its writer reaches after it let the other writer take its turn.
     */
    private Committing groupOfTwoHeldInItsCommit() throws Exception {
        gateway.sendAndWait(new Open("a"));
        gateway.sendAndWait(new Open("b"));
        CountDownLatch commit = transactions.holdCommit(2); // the held command's, then the group's
        List<CompletableFuture<Object>> group = heldWhile(() -> List.of(gateway.send(new Add("a", 1)),
                gateway.send(new Add("b", 2))));
        assertThat(transactions.awaitCommitHeld()).isTrue();
        return new Committing(group, commit);
    }

    /** 0 (the account's opening), then every second number from {@code first} up to 50. */
    private static List<Integer> amounts(int opened, int first) {
        List<Integer> amounts = new ArrayList<>(List.of(opened));
        for (int i = first; i <= 50; i += 2) {
            amounts.add(i);
        }
        return amounts;
    }

    /**
     * Holds the writer inside the transaction of a first command (handled alone) while {@code send} queues more, then
     * lets it go: the queued commands are then taken as one group.
     */
    private <T> T heldWhile(java.util.concurrent.Callable<T> send) throws Exception {
        CountDownLatch held = transactions.holdNextStart();
        CompletableFuture<Object> first = gateway.send(new Open("holder-" + System.nanoTime()));
        assertThat(transactions.awaitHeld()).isTrue();
        T sent = send.call();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bus.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Thread.sleep(50); // let every sender reach the queue
        held.countDown();
        first.get(10, TimeUnit.SECONDS);
        return sent;
    }

    private List<Integer> storedAmounts(String account) {
        List<Integer> amounts = new ArrayList<>();
        stored(account).forEach(event -> amounts.add(event.getPayload() instanceof Added added ? added.amount() : 0));
        return amounts;
    }

    private List<EventMessage<?>> stored(String account) {
        DomainEventStream stream = axon.eventStore().readEvents(account);
        List<EventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    /** Counts transactions; can hold the next one at its start, and fail the commit of the next one started. */
    static final class Transactions implements TransactionManager {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();
        final AtomicInteger failedCommits = new AtomicInteger();
        final AtomicBoolean failNextCommit = new AtomicBoolean();
        private final ThreadLocal<List<Runnable>> onCommit = new ThreadLocal<>();
        private volatile CountDownLatch hold;
        private volatile CountDownLatch holding;
        private final AtomicInteger commitsToHold = new AtomicInteger();
        private volatile CountDownLatch commitHold;
        private volatile CountDownLatch commitHolding;

        /** Holds the {@code nth} commit from now until the returned latch is counted down. */
        CountDownLatch holdCommit(int nth) {
            commitHolding = new CountDownLatch(1);
            commitHold = new CountDownLatch(1);
            commitsToHold.set(nth);
            return commitHold;
        }

        boolean awaitCommitHeld() throws InterruptedException {
            return commitHolding.await(10, TimeUnit.SECONDS);
        }

        private void maybeHoldCommit() {
            if (commitsToHold.get() > 0 && commitsToHold.decrementAndGet() == 0) {
                commitHolding.countDown();
                try {
                    commitHold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        CountDownLatch holdNextStart() {
            holding = new CountDownLatch(1);
            hold = new CountDownLatch(1);
            return hold;
        }

        boolean awaitHeld() throws InterruptedException {
            return holding.await(10, TimeUnit.SECONDS);
        }

        /** Runs {@code action} when the current transaction commits (now, if there is none). */
        void afterCommit(Runnable action) {
            List<Runnable> actions = onCommit.get();
            if (actions == null) {
                action.run();
            } else {
                actions.add(action);
            }
        }

        @Override
        public Transaction startTransaction() {
            boolean fail = onCommit.get() == null && failNextCommit.compareAndSet(true, false);
            CountDownLatch gate = hold;
            if (gate != null) {
                hold = null;
                holding.countDown();
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<Runnable> outer = onCommit.get();
            if (outer != null) {
                return new Transaction() { // joins the transaction already open on this thread
                    @Override
                    public void commit() {
                    }

                    @Override
                    public void rollback() {
                    }
                };
            }
            List<Runnable> actions = new ArrayList<>();
            onCommit.set(actions);
            return new Transaction() {
                @Override
                public void commit() {
                    maybeHoldCommit();
                    onCommit.remove();
                    if (fail) {
                        failedCommits.incrementAndGet();
                        throw new IllegalStateException("commit failed");
                    }
                    actions.forEach(Runnable::run);
                    committed.incrementAndGet();
                }

                @Override
                public void rollback() {
                    onCommit.remove();
                    rolledBack.incrementAndGet();
                }
            };
        }
    }

    /** Axon's in-memory storage, appending only when the transaction commits. */
    static final class TransactionalStorage extends InMemoryEventStorageEngine {
        private final Transactions transactions;

        TransactionalStorage(Transactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            List<? extends EventMessage<?>> copy = List.copyOf(events);
            // appended from a thread without a unit of work, where the in-memory engine stores at once
            transactions.afterCommit(() -> CompletableFuture.runAsync(() -> super.appendEvents(copy)).join());
        }
    }
}
