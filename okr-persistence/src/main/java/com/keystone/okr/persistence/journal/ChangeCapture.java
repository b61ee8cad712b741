package com.keystone.okr.persistence.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Writes the change journal from Hibernate's own events, the way Envers writes its audit rows:
 * every row of a kind a report reads that a transaction inserts, updates or deletes (and every
 * KPI whose children change) is noted, and just before the transaction commits, the journal's
 * clock moves on by one and the noted rows are stored under the new version, in the same
 * transaction. So no write path (a service, an import, the demo data, one to be written) can
 * change a figure without the journal knowing, and a rolled-back write leaves no trace.
 * <p>
 * The clock is one row updated by every such transaction: its row lock is held from that update
 * to the commit (a moment, after all the transaction's work), so versions commit in their order
 * and a reader that sees version {@code v} sees every change up to {@code v}.
 */
public final class ChangeCapture implements Integrator, PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private static final long serialVersionUID = 1L;

    /** The changes of each session's running transaction. */
    private static final Map<SharedSessionContractImplementor, Pending> PENDING = new ConcurrentHashMap<>();

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing held per session factory
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        note(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        note(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        note(event.getSession(), event.getEntity(), event.getId());
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        noteOwner(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        noteOwner(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        noteOwner(event);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static void noteOwner(AbstractCollectionEvent event) {
        note(event.getSession(), event.getAffectedOwnerOrNull(), event.getAffectedOwnerIdOrNull());
    }

    private static void note(EventSource session, Object entity, Object id) {
        ChangeKind kind = entity == null ? null : ChangeKind.of(entity);
        if (kind == null || !(id instanceof Long)) {
            return;
        }
        Pending p = pending(session);
        if (!p.wholesale) {
            p.rows.add(new Row(kind, (Long) id));
        }
    }

    /**
     * Marks the session's running transaction as one that writes the company wholesale (a restore):
     * its rows are not named one by one (a million of them would only be read back to learn that
     * everything changed); at its commit the clock moves on by one and notes that the rows of
     * every version up to the new one are gone from the journal, so every live model older than it,
     * on every instance, reads its cycle whole again (see {@link ChangeJournal#covers}).
     */
    static void markWholesale(SessionImplementor session) {
        Pending p = pending(session);
        p.wholesale = true;
        p.rows.clear();
    }

    private static Pending pending(SessionImplementor session) {
        return PENDING.computeIfAbsent(session, s -> {
            Pending p = new Pending();
            session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) p);
            session.getActionQueue().registerProcess((AfterTransactionCompletionProcess) p);
            return p;
        });
    }

    /** How many sessions have changes not yet committed or rolled back (for tests: none may leak). */
    static int pendingSessions() {
        return PENDING.size();
    }

    private record Row(ChangeKind kind, long id) {
    }

    private static final class Pending implements BeforeTransactionCompletionProcess, AfterTransactionCompletionProcess {

        final Set<Row> rows = new LinkedHashSet<>();
        boolean wholesale;

        @Override
        public void doBeforeTransactionCompletion(SessionImplementor session) {
            PENDING.remove(session);
            if (wholesale) {
                session.doWork(connection -> {
                    try (PreparedStatement tick = connection.prepareStatement(ChangeJournal.TICK);
                         PreparedStatement forget = connection.prepareStatement(ChangeJournal.FORGET_ALL)) {
                        tick.executeUpdate();
                        forget.executeUpdate();
                    }
                });
                return;
            }
            if (rows.isEmpty()) {
                return;
            }
            session.doWork(connection -> {
                long version;
                try (PreparedStatement tick = connection.prepareStatement(ChangeJournal.TICK)) {
                    tick.executeUpdate();
                }
                try (PreparedStatement read = connection.prepareStatement(ChangeJournal.VERSION);
                     ResultSet rs = read.executeQuery()) {
                    version = next(rs);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into change_item (version, kind, entity_id) values (?, ?, ?)")) {
                    int batched = 0;
                    for (Row row : rows) {
                        insert.setLong(1, version);
                        insert.setString(2, row.kind().name());
                        insert.setLong(3, row.id());
                        insert.addBatch();
                        if (++batched % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            });
        }

        @Override
        public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
            PENDING.remove(session);
        }

        private static long next(ResultSet rs) throws SQLException {
            if (!rs.next()) {
                throw new SQLException("the change journal's clock row is missing (migration V2)");
            }
            return rs.getLong(1);
        }
    }
}
