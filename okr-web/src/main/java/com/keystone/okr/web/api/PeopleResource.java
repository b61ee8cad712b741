package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.web.api.ApiJson.PasswordChange;
import com.keystone.okr.web.api.ApiJson.PersonJson;
import com.keystone.okr.web.person.PersonService;
import com.keystone.okr.web.person.PersonService.PersonCommand;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** People: admins manage them, HR reads them, everyone reads themselves and changes their own password. */
@Path("people")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    PersonService people;

    @GET
    @Operation(summary = "A page of people by username (admins, HR)")
    public List<PersonJson> page(@QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("size") @DefaultValue("100") int size) {
        return people.page(first, size).stream().map(this::json).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One person (admins, HR, or the person themselves)")
    public Response get(@PathParam("username") String username) {
        Person p = people.get(username);
        return Response.ok(json(p)).tag(new EntityTag(String.valueOf(p.getVersion()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a person with a password, company-wide roles and unit memberships (admins)")
    public Response create(PersonCommand body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        return Response.status(Response.Status.CREATED).entity(json(people.create(body))).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes, deactivates, resets the password of, or re-assigns a person (admins)")
    public Response update(@PathParam("username") String username, @HeaderParam("If-Match") String ifMatch,
                           PersonCommand body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        Long v = Versions.fromIfMatch(ifMatch);
        PersonCommand c = v == null ? body : new PersonCommand(body.username(), body.displayName(), body.email(),
                body.password(), body.active(), body.roles(), body.memberships(), v);
        Person p = people.update(username, c);
        return Response.ok(json(p)).tag(new EntityTag(String.valueOf(p.getVersion()))).build();
    }

    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the caller's own password")
    public Response changePassword(PasswordChange body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with currentPassword and newPassword is required");
        }
        people.changeOwnPassword(body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    private PersonJson json(Person p) {
        return PersonJson.of(p, people.membershipsOf(p));
    }
}
