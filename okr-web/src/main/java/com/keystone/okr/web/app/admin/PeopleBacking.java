package com.keystone.okr.web.app.admin;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.person.PersonService;
import com.keystone.okr.web.person.PersonService.MembershipCommand;
import com.keystone.okr.web.person.PersonService.PersonCommand;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.unit.UnitService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * The people page: a lazy, paged table; one dialog creates or edits a person (roles and unit
 * memberships included), another resets a password. Changes carry the version the table showed.
 */
@Named
@ViewScoped
public class PeopleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable membership row of the person dialog. */
    public static class MembershipRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String unitPath;
        private String role = "MEMBER";

        public MembershipRow() {
        }

        MembershipRow(String unitPath, String role) {
            this.unitPath = unitPath;
            this.role = role;
        }

        public String getUnitPath() {
            return unitPath;
        }

        public void setUnitPath(String unitPath) {
            this.unitPath = unitPath;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }

    @Inject
    PersonService people;
    @Inject
    PeopleCount count;
    @Inject
    UnitService units;
    @Inject
    CurrentUser user;

    private boolean allowed;
    private PeopleModel model;
    private String search;
    private List<String> unitPaths = List.of();

    private boolean creating;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private boolean active;
    private List<String> roles = new ArrayList<>();
    private List<MembershipRow> memberships = new ArrayList<>();
    private Long version;

    private String resetUsername;
    private Long resetVersion;
    private String resetPassword;

    @PostConstruct
    void load() {
        allowed = user.isAdmin();
        if (allowed) {
            model = new PeopleModel(people, count);
            unitPaths = units.list().stream().filter(u -> !u.isArchived()).map(OrgUnit::getPath).toList();
        }
    }

    public void openCreate() {
        creating = true;
        username = null;
        displayName = null;
        email = null;
        password = null;
        active = true;
        roles = new ArrayList<>();
        memberships = new ArrayList<>();
        version = null;
    }

    /** Reads the person afresh, so the dialog edits the stored version. */
    public void openEdit(String who) {
        creating = false;
        password = null;
        Person p = Messages.attempt(() -> people.get(who), Map.of());
        if (p == null) {
            return;
        }
        username = p.getUsername();
        displayName = p.getDisplayName();
        email = p.getEmail();
        active = p.isActive();
        roles = new ArrayList<>(p.getGlobalRoles().stream().sorted().map(Enum::name).toList());
        memberships = new ArrayList<>(people.membershipsOf(p).stream()
                .map(m -> new MembershipRow(m.getUnit().getPath(), m.getRole().name())).toList());
        version = p.getVersion();
    }

    public void addMembership() {
        memberships.add(new MembershipRow());
    }

    public void removeMembership(int index) {
        if (index >= 0 && index < memberships.size()) {
            memberships.remove(index);
        }
    }

    public void save() {
        if (!allowed) {
            return;
        }
        if (memberships.stream().anyMatch(m -> m.getUnitPath() == null || m.getUnitPath().isBlank())) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage("personDialog:memberships",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, AdminText.label("people.unitMissing"), null));
            faces.validationFailed();
            return;
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("display_name", "personDialog:displayName");
        fields.put("email", "personDialog:email");
        fields.put("roles", "personDialog:roles");
        fields.put("memberships", "personDialog:memberships");
        List<MembershipCommand> unitRoles = memberships.stream().map(m -> new MembershipCommand(m.getUnitPath(), m.getRole())).toList();
        Person saved;
        if (creating) {
            fields.put("username", "personDialog:username");
            fields.put("password", "personDialog:password");
            saved = Messages.attempt(() -> people.create(
                    new PersonCommand(username, displayName, email, password, true, List.copyOf(roles), unitRoles, null)), fields);
        } else {
            fields.put("active", "personDialog:active");
            // "" clears the e-mail; null would keep the old one
            saved = Messages.attempt(() -> people.update(username,
                    new PersonCommand(null, displayName, email == null ? "" : email, null, active, List.copyOf(roles), unitRoles,
                            version)), fields);
        }
        if (saved != null) {
            Messages.info(AdminText.label(creating ? "people.created" : "people.saved", saved.getUsername()));
            PrimeFaces.current().ajax().update("people");
        }
    }

    public void toggleActive(PersonRow row) {
        if (!allowed) {
            return;
        }
        Person saved = Messages.attempt(() -> people.update(row.username(),
                new PersonCommand(null, null, null, null, !row.active(), null, null, row.version())), Map.of());
        if (saved != null) {
            Messages.info(AdminText.label(saved.isActive() ? "people.activated" : "people.deactivated", saved.getUsername()));
        }
    }

    public void openReset(PersonRow row) {
        resetUsername = row.username();
        resetVersion = row.version();
        resetPassword = null;
    }

    public void saveReset() {
        if (!allowed) {
            return;
        }
        Person saved = Messages.attempt(() -> people.update(resetUsername,
                new PersonCommand(null, null, null, resetPassword, null, null, null, resetVersion)),
                Map.of("password", "resetDialog:password"));
        if (saved != null) {
            Messages.info(AdminText.label("people.reset.done", saved.getUsername()));
            PrimeFaces.current().ajax().update("people");
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
        if (model != null) {
            model.search(search);
        }
    }

    public PeopleModel getModel() {
        return model;
    }

    public List<String> getUnitPaths() {
        return unitPaths;
    }

    public String getDialogTitle() {
        return creating ? AdminText.label("people.dialog.create") : AdminText.label("people.dialog.edit", username);
    }

    public String getResetTitle() {
        return resetUsername == null ? "" : AdminText.label("people.reset.title", resetUsername);
    }

    public boolean isCreating() {
        return creating;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public List<MembershipRow> getMemberships() {
        return memberships;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
