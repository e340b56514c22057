package org.cybernorms.compliance.runtime.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * A command bus that commits the commands of concurrent callers together: <em>group commit</em>.
 *
 * <p>A caller's command is queued; a writer thread takes every command waiting (up to {@code maxGroup}) and handles
 * them one after the other, each in its own nested unit of work (its own handler interceptors, correlation data and
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
 * <p>There can be several writer threads ({@code writers}) on the one queue, taking turns: one takes a group and
 * handles its commands while the others wait for their turn; once every command of its group succeeded, it lets the
 * next writer take the next group, and commits its own meanwhile. So the commands keep being handled in queue order,
 * one at a time, and one group's commit overlaps the next group's handling. A command on an aggregate that an
 * earlier group changed waits for that group's commit (Axon's repository holds the aggregate's lock until then), so it
 * sees the committed aggregate. A {@code readBack} command is handled once every group before it has committed, and
 * the next group is taken only after it has committed. One exception to queue order: when a group's commit fails
 * after the next writer took its turn, the group's commands are handled again alone while the next group is handled;
 * they were sent concurrently with it, so no caller can have relied on their order.
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
    private final BlockingQueue<Pending> queue;
    private final List<Writer> writers;
    /** Held by the writer whose turn it is: it takes a group and handles it. */
    private final ReentrantLock turn = new ReentrantLock(true);
    /** Held shared by a group from its handling to its commit, and exclusively while a read-back command runs. */
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
     * @param writers            how many writer threads take turns on the queue
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
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        List<Writer> all = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            all.add(new Writer(writers == 1 ? "command-group-writer" : "command-group-writer-" + i));
        }
        this.writers = List.copyOf(all);
        this.writers.forEach(Thread::start);
    }

    /** How many commands wait for the writers now. */
    public int waiting() {
        return queue.size();
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
        if (closed && writers.stream().noneMatch(Thread::isAlive) && queue.remove(pending)) {
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
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.fail(new IllegalStateException("the command bus is shut down"));
        }
    }

    /** A writer thread: in its turn, takes the commands waiting and handles them. */
    private final class Writer extends Thread {

        Writer(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            List<Pending> group = new ArrayList<>(maxGroup);
            while (true) {
                Turn mine = new Turn();
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
                    handle(group, mine);
                } catch (InterruptedException e) {
                    if (closed) {
                        return;
                    }
                } catch (RuntimeException | Error e) {
                    log.error("The command writer failed a group of {}; its callers are told", group.size(), e);
                    group.forEach(p -> p.failIfOpen(e));
                } finally {
                    mine.end();
                    group.clear();
                }
            }
        }
    }

    /** A writer's turn: taken when made, ended once (by a group before its commit, or after everything else). */
    private final class Turn {
        private boolean held;

        Turn() {
            turn.lock();
            held = true;
        }

        void end() {
            if (held) {
                held = false;
                turn.unlock();
            }
        }
    }

    private void handle(List<Pending> taken, Turn mine) {
        List<Pending> group = new ArrayList<>(taken.size());
        for (Pending pending : taken) {
            if (readBack.test(pending.command())) {
                shared(() -> handleGroup(group, () -> { })); // committed before the read-back command, in this turn
                group.clear();
                exclusive(() -> handleAlone(pending));
            } else {
                group.add(pending);
            }
        }
        shared(() -> handleGroup(group, mine::end));
    }

    /** Runs alongside other groups' commits; never while a read-back command is handled. */
    private void shared(Runnable work) {
        run(barrier.readLock(), work);
    }

    /** Runs once no group is being handled or committed. */
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

    /**
     * Handles a group; {@code handled} is run once every command of a group of two or more succeeded, before its
     * commit (it lets the next writer take its turn).
     */
    private void handleGroup(List<Pending> group, Runnable handled) {
        if (group.isEmpty()) {
            return;
        }
        if (group.size() == 1) {
            handleAlone(group.get(0));
            return;
        }
        if (handleTogether(group, handled)) {
            groupListeners.forEach(listener -> listener.accept(group.size()));
            group.forEach(Pending::deliver);
        } else {
            group.forEach(this::handleAlone);
        }
    }

    /** True if every command succeeded and the group committed; their results are then kept, not yet delivered. */
    private boolean handleTogether(List<Pending> group, Runnable handled) {
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
            handled.run();
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
