using GridCase.Api.Administration.Import;
using GridCase.Api.Auth;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users.ImportUsers;

/// <summary>
/// Imports a users file (<see cref="UsersCsv"/>) with the rules of creating one user, 一格一员 across the file and the
/// database included. A dry run reports every problem by line and field and writes nothing; an apply writes every user
/// or, if any line has a problem, none (400 with the same problems).
/// </summary>
public sealed record ImportUsersCommand(string Text, bool DryRun, Actor Caller) : ICommand<ImportUsersReport>;

public sealed record ImportUsersReport(bool DryRun, bool Valid, bool Applied, int Rows, IReadOnlyList<ImportedUser> Users, IReadOnlyList<ImportProblem> Problems);

/// <summary>A user the file creates (or would create, in a dry run).</summary>
public sealed record ImportedUser(int Line, string UserName, string DisplayName, string Role, string UnitCode);

public sealed class ImportUsersHandler(GridCaseDb db, UserWrites writes, PasswordHashing passwords, AdminLog log) : ICommandHandler<ImportUsersCommand, ImportUsersReport>
{
    public const string Invalid = "import-invalid";

    private static readonly ImportRowValidator Fields = new();

    public async ValueTask<ImportUsersReport> Handle(ImportUsersCommand command, CancellationToken cancellationToken)
    {
        var (rows, unreadable) = UsersCsv.Read(command.Text);
        var problems = unreadable.Concat(await CheckAsync(rows, command.Caller, cancellationToken)).OrderBy(p => p.Line).ToList();
        var users = problems.Count == 0 ? rows.Select(Imported).ToList() : [];
        if (command.DryRun)
        {
            return new ImportUsersReport(true, problems.Count == 0, false, rows.Count, users, problems);
        }

        if (problems.Count > 0)
        {
            throw Refused(problems);
        }

        // Hashed before the write turn, on every core: PBKDF2 takes tens of milliseconds a password.
        var hashes = rows.AsParallel().AsOrdered().Select(r => passwords.Hash(r.Password!)).ToList();
        await writes.RunAsync(async () =>
        {
            // Checked again in the write turn: another administrator may have taken a name or a grid since.
            if (await CheckAsync(rows, command.Caller, cancellationToken) is { Count: > 0 } late)
            {
                throw Refused(late);
            }

            db.Users.AddRange(rows.Select((r, i) => new User(r.UserName!, r.DisplayName!, UserFieldRules.ParseRole(r.Role!), UnitCode.Parse(r.UnitCode!), hashes[i])));
            log.Record(command.Caller, AdminChangeKinds.UsersImported, $"{rows.Count} users", command.Caller.Unit?.Value ?? "",
                new { count = rows.Count, users = users.Select(u => new { u.UserName, u.Role, u.UnitCode }).ToList() });
            return rows.Count;
        }, cancellationToken);
        return new ImportUsersReport(false, true, true, rows.Count, users, []);
    }

    private static ProblemException Refused(IReadOnlyList<ImportProblem> problems) => new(
        StatusCodes.Status400BadRequest,
        Invalid,
        $"导入文件有 {problems.Count} 处问题，未导入任何用户 / The file has {problems.Count} problem(s); no user was imported.",
        new Dictionary<string, object?> { ["problems"] = problems });

    private static ImportedUser Imported(UserRow row) =>
        new(row.Line, row.UserName!, row.DisplayName!, UserFieldRules.ParseRole(row.Role!).ToString(), row.UnitCode!);

    /// <summary>Every problem of every row: its fields, its unit and role, its name against the file and the database, its grid.</summary>
    private async Task<List<ImportProblem>> CheckAsync(IReadOnlyList<UserRow> rows, Actor caller, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var placeable = new List<(UserRow Row, Role Role, UnitCode Unit)>();
        foreach (var row in rows)
        {
            var failures = Fields.Validate(row).Errors;
            problems.AddRange(failures.Select(f => new ImportProblem(row.Line, JsonName(f.PropertyName), f.ErrorMessage)));
            if (UserFieldRules.TryParseRole(row.Role, out var role) && UnitCode.TryParse(row.UnitCode, out var unit))
            {
                placeable.Add((row, role, unit));
            }
        }

        var codes = placeable.Select(p => p.Unit.Value).Distinct().ToList();
        var units = (await db.OrgUnits.AsNoTracking().Where(u => codes.Contains((string)(object)u.Code)).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Code);
        var scope = CallerScope.For(caller);
        var gridRows = new List<(UserRow Row, string Grid)>();
        foreach (var (row, role, unit) in placeable)
        {
            if (UserPlacement.Check(scope, unit, units.GetValueOrDefault(unit), role) is { } problem)
            {
                problems.Add(new(row.Line, problem.Field, problem.Message));
            }
            else if (role == Role.GridMember)
            {
                gridRows.Add((row, unit.Value));
            }
        }

        problems.AddRange(await NamesAsync(rows, cancellationToken));
        problems.AddRange(await GridsAsync(gridRows, cancellationToken));
        return problems;
    }

    private async Task<IEnumerable<ImportProblem>> NamesAsync(IReadOnlyList<UserRow> rows, CancellationToken cancellationToken)
    {
        var named = rows.Where(r => User.IsValidUserName(r.UserName)).ToList();
        var names = named.Select(r => r.UserName!).Distinct().ToList();
        var taken = (await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        foreach (var row in named)
        {
            if (taken.Contains(row.UserName!))
            {
                problems.Add(new(row.Line, "userName", UserPlacement.NameTaken(row.UserName!).Message));
            }
            else if (!first.TryAdd(row.UserName!, row.Line))
            {
                problems.Add(new(row.Line, "userName", $"用户名 {row.UserName} 与第 {first[row.UserName!]} 行重复 / userName {row.UserName} repeats line {first[row.UserName!]}."));
            }
        }

        return problems;
    }

    private async Task<IEnumerable<ImportProblem>> GridsAsync(List<(UserRow Row, string Grid)> gridRows, CancellationToken cancellationToken)
    {
        var grids = gridRows.Select(g => g.Grid).Distinct().ToList();
        var active = await UserPlacement.ActiveGridMembersAsync(db, grids, except: null, cancellationToken);
        var first = new Dictionary<string, UserRow>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        foreach (var (row, grid) in gridRows)
        {
            if (active.TryGetValue(grid, out var member))
            {
                problems.Add(new(row.Line, "unitCode", UserPlacement.GridTaken(grid, member.UserName, member.DisplayName).Message));
            }
            else if (!first.TryAdd(grid, row))
            {
                var earlier = first[grid];
                problems.Add(new(row.Line, "unitCode",
                    $"网格 {grid} 已由第 {earlier.Line} 行的 {earlier.DisplayName}（{earlier.UserName}）担任网格员，一格一员 / Grid {grid} already gets {earlier.DisplayName} ({earlier.UserName}) on line {earlier.Line}: one member per grid."));
            }
        }

        return problems;
    }

    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "" : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    private sealed class ImportRowValidator : NewUserRules<UserRow>;
}
