package org.cybernorms.compliance.runtime.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * A command bus that commits the commands of concurrent callers together: <em>group commit</em>.
 *
 * <p>A caller's command is queued; a writer thread takes every command waiting in its queue (up to {@code maxGroup})
 * and handles them one after the other, each in its own nested unit of work (its own handler interceptors, correlation data and
 * metadata, exactly as alone), inside one root unit of work with one transaction. The events of the whole group are
 * appended and committed at once, so the store's commit (which on H2 rewrites every page the transaction touched, and
 * on PostgreSQL waits for the write-ahead log to reach the disk) is paid once per group instead of once per command.
 * Under light load a group holds one command and nothing waits for company: the writer never delays a command to
 * gather others.
 *
 * <p>Every caller learns its result only after the transaction holding its events has committed, so an acknowledged
 * command is as durable as before. A group commits only if every command in it succeeded: if any command fails (a
 * rule refused it, say), or the commit itself fails, the group's transaction is rolled back (Axon's repositories drop
 * the cached aggregates it touched) and each of its commands is handled again <em>alone</em>, in a transaction of its
 * own, exactly as a plain {@link SimpleCommandBus} would, and that is the result its caller gets. A refused command
 * therefore never takes another caller's command down with it, and no command's result ever depends on a command
 * whose events were not stored.
 *
 * <p>The commands of a group are handled before any of their events reach the store, so a command whose validation
 * reads another aggregate's events back from the store (a pledge checks the norm catalog, which is the instrument's
 * events) would not see an earlier command of its own group. The commands that write what others read that way
 * ({@code readBack}) are therefore never grouped: the group before them commits first, then they are handled alone,
 * then grouping goes on. Every command then validates against everything committed or handled before it, as if the
 * commands had been handled one by one in queue order.
 *
 * <p>There can be several writers ({@code writers}), each with its own queue, groups and transactions, so that one
 * writer handles commands while another waits for its commit. A command goes to the writer of its target aggregate
 * (Axon's {@link AnnotationRoutingStrategy}: its {@code @TargetAggregateIdentifier}), so the commands for one
 * aggregate are handled one after the other in queue order, by one writer, as before. A {@code readBack} command
 * waits until no writer is handling anything, and no writer starts until it has committed: every command still sees
 * every instrument and organisation change acknowledged before it was sent.
 *
 * <p>A command dispatched while a unit of work is active on the dispatching thread (a command sent from a handler) is
 * handled alone on that thread, never queued: the caller would otherwise wait for the writer while holding what the
 * writer may need.
 *
 * <p>Dispatch interceptors belong to the gateway and run on the caller's thread (the actor is read there); this bus
 * takes none of its own.
 */
public final class GroupCommitCommandBus implements CommandBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final SimpleCommandBus grouped;
    private final SimpleCommandBus alone;
    private final TransactionManager transactionManager;
    private final int maxGroup;
    private final Predicate<CommandMessage<?>> readBack;
    private final List<Writer> writers;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.builder()
            .fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.STATIC_KEY).build();
    /** Held shared by a writer while it handles commands, and exclusively while it handles a read-back command. */
    private final ReadWriteLock barrier = new ReentrantReadWriteLock();
    private final List<IntConsumer> groupListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param grouped            handles a command inside a group: a bus without a transaction manager of its own
     * @param alone              handles a command alone: a bus with the transaction manager
     * @param transactionManager the transaction of a group
     * @param maxGroup           the most commands in one group
     * @param queueCapacity      the most commands waiting; a caller beyond it waits for room
     * @param readBack           the commands whose events other commands' validation reads from the store: never
     *                           grouped
     * @param writers            how many writer threads, each with its queue of {@code queueCapacity}
     */
    public GroupCommitCommandBus(SimpleCommandBus grouped, SimpleCommandBus alone,
                                 TransactionManager transactionManager, int maxGroup, int queueCapacity,
                                 Predicate<CommandMessage<?>> readBack, int writers) {
        if (maxGroup < 1 || queueCapacity < 1 || writers < 1) {
            throw new IllegalArgumentException("maxGroup, queueCapacity and writers must be positive");
        }
        this.grouped = grouped;
        this.alone = alone;
        this.transactionManager = transactionManager;
        this.maxGroup = maxGroup;
        this.readBack = readBack;
        List<Writer> all = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            all.add(new Writer(writers == 1 ? "command-group-writer" : "command-group-writer-" + i, queueCapacity));
        }
        this.writers = List.copyOf(all);
        this.writers.forEach(Thread::start);
    }

    /** How many commands wait for the writers now. */
    public int waiting() {
        return writers.stream().mapToInt(writer -> writer.queue.size()).sum();
    }

    /** Called with the size of every group committed together (for metrics). */
    public void onGroupCommitted(IntConsumer listener) {
        groupListeners.add(listener);
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
            if (result.isExceptional()) {
                log.warn("Command {} failed", message.getCommandName(), result.exceptionResult());
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted() || Thread.currentThread() instanceof Writer) {
            alone.dispatch(command, callback);
            return;
        }
        Pending pending = new Pending((CommandMessage<Object>) command,
                (CommandCallback<Object, Object>) (CommandCallback<?, ?>) callback);
        Writer writer = writers.size() == 1 ? writers.get(0)
                : writers.get(Math.floorMod(routing.getRoutingKey(command).hashCode(), writers.size()));
        BlockingQueue<Pending> queue = writer.queue;
        try {
            while (!queue.offer(pending, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    pending.fail(new IllegalStateException("the command bus is shut down"));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.fail(new IllegalStateException("interrupted while queueing a command", e));
            return;
        }
        if (closed && !writer.isAlive() && queue.remove(pending)) {
            pending.fail(new IllegalStateException("the command bus is shut down"));
        }
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        Registration inGroup = grouped.subscribe(commandName, handler);
        Registration single = alone.subscribe(commandName, handler);
        return () -> inGroup.cancel() & single.cancel();
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        Registration inGroup = grouped.registerHandlerInterceptor(handlerInterceptor);
        Registration single = alone.registerHandlerInterceptor(handlerInterceptor);
        return () -> inGroup.cancel() & single.cancel();
    }

    /** Refused: dispatch interceptors belong to the gateway, which runs them on the caller's thread. */
    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException("register command dispatch interceptors on the CommandGateway: "
                + "they must run on the caller's thread");
    }

    /** Handles every command already queued, then stops the writers; commands sent afterwards fail. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Writer writer : writers) {
            try {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Pending left;
            while ((left = writer.queue.poll()) != null) {
                left.fail(new IllegalStateException("the command bus is shut down"));
            }
        }
    }

    /** A writer thread and its queue. */
    private final class Writer extends Thread {

        final BlockingQueue<Pending> queue;

        Writer(String name, int capacity) {
            super(name);
            setDaemon(true);
            this.queue = new LinkedBlockingQueue<>(capacity);
        }

        @Override
        public void run() {
            List<Pending> group = new ArrayList<>(maxGroup);
            while (true) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closed) {
                            return;
                        }
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group, maxGroup - 1);
                    handle(group);
                } catch (InterruptedException e) {
                    if (closed) {
                        return;
                    }
                } catch (RuntimeException | Error e) {
                    log.error("The command writer failed a group of {}; its callers are told", group.size(), e);
                    group.forEach(p -> p.failIfOpen(e));
                } finally {
                    group.clear();
                }
            }
        }
    }

    private void handle(List<Pending> taken) {
        List<Pending> group = new ArrayList<>(taken.size());
        for (Pending pending : taken) {
            if (readBack.test(pending.command())) {
                shared(() -> handleGroup(group));
                group.clear();
                exclusive(() -> handleAlone(pending));
            } else {
                group.add(pending);
            }
        }
        shared(() -> handleGroup(group));
    }

    /** Runs alongside the other writers' work; never while a read-back command is handled. */
    private void shared(Runnable work) {
        run(barrier.readLock(), work);
    }

    /** Runs while no other writer handles anything. */
    private void exclusive(Runnable work) {
        run(barrier.writeLock(), work);
    }

    private static void run(Lock lock, Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    private void handleGroup(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        if (group.size() == 1) {
            handleAlone(group.get(0));
            return;
        }
        if (handleTogether(group)) {
            groupListeners.forEach(listener -> listener.accept(group.size()));
            group.forEach(Pending::deliver);
        } else {
            group.forEach(this::handleAlone);
        }
    }

    /** True if every command succeeded and the group committed; their results are then kept, not yet delivered. */
    private boolean handleTogether(List<Pending> group) {
        UnitOfWork<CommandMessage<?>> root = DefaultUnitOfWork.startAndGet(group.get(0).command());
        try {
            root.attachTransaction(transactionManager);
            for (Pending pending : group) {
                grouped.dispatch(pending.command(), (message, result) -> pending.keep(result));
                if (pending.kept() == null || pending.kept().isExceptional()) {
                    root.rollback();
                    return false;
                }
            }
            root.commit();
            return true;
        } catch (RuntimeException e) {
            log.debug("A group of {} commands did not commit together; each is handled alone", group.size(), e);
            if (root.phase() == UnitOfWork.Phase.STARTED) {
                root.rollback(e);
            }
            return false;
        } finally {
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() == root) {
                CurrentUnitOfWork.clear(root);
            }
        }
    }

    private void handleAlone(Pending pending) {
        try {
            alone.dispatch(pending.command(), (message, result) -> pending.keep(result));
        } catch (RuntimeException e) {
            pending.keep(GenericCommandResultMessage.asCommandResultMessage(e));
        }
        pending.deliver();
    }

    /** A queued command and its caller. */
    private static final class Pending {
        private final CommandMessage<Object> command;
        private final CommandCallback<Object, Object> callback;
        private CommandResultMessage<?> kept;
        private boolean delivered;

        Pending(CommandMessage<Object> command, CommandCallback<Object, Object> callback) {
            this.command = command;
            this.callback = callback;
        }

        CommandMessage<Object> command() {
            return command;
        }

        void keep(CommandResultMessage<?> result) {
            this.kept = result;
        }

        CommandResultMessage<?> kept() {
            return kept;
        }

        @SuppressWarnings("unchecked")
        void deliver() {
            if (delivered) {
                return;
            }
            delivered = true;
            CommandResultMessage<?> result = kept != null ? kept : GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("the command gave no result"));
            callback.onResult(command, (CommandResultMessage<Object>) result);
        }

        void fail(Throwable cause) {
            kept = GenericCommandResultMessage.asCommandResultMessage(cause);
            deliver();
        }

        void failIfOpen(Throwable cause) {
            if (!delivered) {
                fail(cause);
            }
        }
    }
}
