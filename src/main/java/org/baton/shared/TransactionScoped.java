package org.baton.shared;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Values that live as long as the current transaction: what it wrote or worked out, kept for its later steps. */
public final class TransactionScoped {

    private TransactionScoped() {}

    /**
     * The value bound to {@code key} in the current transaction; when there is none, the one {@code create} makes
     * (bound until the transaction ends, committed or not), or null when {@code create} is null. Null outside a
     * transaction.
     */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable T value(Object key, @Nullable Supplier<T> create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null && create != null) {
            T fresh = create.get();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = fresh;
        }
        return value;
    }
}
