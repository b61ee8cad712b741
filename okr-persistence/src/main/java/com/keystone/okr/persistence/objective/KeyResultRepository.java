package com.keystone.okr.persistence.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Key results of a cycle. */
@ApplicationScoped
public class KeyResultRepository extends Repository<KeyResult> {

    public KeyResultRepository() {
        super(KeyResult.class);
    }

    public KeyResultRepository(EntityManager em) {
        super(KeyResult.class, em);
    }

    @Override
    public KeyResult add(KeyResult kr) {
        if (findByKey(kr.getCycle(), kr.getKey()).isPresent()) {
            throw new InvalidInputException("kr_key", text("keyResult.exists", kr.getCycle().getName(), kr.getKey()));
        }
        return super.add(kr);
    }

    public Optional<KeyResult> findByKey(Cycle cycle, String key) {
        return first(em.createQuery("select k from KeyResult k where k.cycle = :c and k.key = :k", KeyResult.class)
                .setParameter("c", cycle).setParameter("k", key).getResultList());
    }

    public List<KeyResult> ofObjective(Objective objective) {
        return em.createQuery("select k from KeyResult k where k.objective = :o order by k.key", KeyResult.class)
                .setParameter("o", objective).getResultList();
    }

    public List<KeyResult> ofCycle(Cycle cycle) {
        return em.createQuery("select k from KeyResult k join fetch k.objective where k.cycle = :c order by k.key",
                        KeyResult.class)
                .setParameter("c", cycle).getResultList();
    }

    public List<KeyResult> ownedBy(Cycle cycle, Person owner) {
        return em.createQuery("select k from KeyResult k join fetch k.objective where k.cycle = :c and k.owner = :p "
                        + "order by k.key", KeyResult.class)
                .setParameter("c", cycle).setParameter("p", owner).getResultList();
    }
}
