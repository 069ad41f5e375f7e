using GridCase.Api.Administration.Calendar;
using GridCase.Api.Administration.Catalogue;
using GridCase.Api.Administration.Changes;
using GridCase.Api.Administration.Units;
using GridCase.Api.Administration.Users;
using GridCase.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace GridCase.Api.Administration;

/// <summary>The administration API (系统管理): units, users, catalogue batches, calendars, the change log.</summary>
public static class AdministrationRoutes
{
    /// <summary>System administrators (系统管理员) only; each acts within its own unit's area.</summary>
    public const string SystemAdminOnly = "SystemAdminOnly";

    public static void AddPolicies(AuthorizationOptions options) =>
        options.AddPolicy(SystemAdminOnly, policy => policy.RequireRole(nameof(Role.SystemAdmin)));

    public static void MapAdministration(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/api/admin").WithTags("Administration");
        admin.MapUnits();
        admin.MapChanges();
        admin.MapUsers();
        admin.MapCatalogueAdministration();
        admin.MapCalendarAdministration();
    }
}
