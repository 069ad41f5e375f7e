using GridCase.Api.Administration.Import;

namespace GridCase.Api.Administration.Users.ImportUsers;

/// <summary>One line of a users file, numbered as the file's lines are (the header is line 1).</summary>
public sealed record UserRow(int Line, string? UserName, string? DisplayName, string? Role, string? UnitCode, string? Password) : INewUser;


/// <summary>Reads a users file (<see cref="CsvImport"/>): the columns <see cref="Columns"/>, all required.</summary>
public static class UsersCsv
{
    public const int MaxRows = 2000;

    public static readonly IReadOnlyList<string> Columns = ["userName", "displayName", "role", "unitCode", "password"];

    public static (IReadOnlyList<UserRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(string text)
    {
        var problems = new List<ImportProblem>();
        var lines = CsvImport.Read(text, Columns, Columns, MaxRows, problems);
        if (problems.Count == 0 && lines.Count == 0)
        {
            problems.Add(new(1, "", "文件中没有用户 / The file lists no users."));
        }

        return (lines.ConvertAll(l => new UserRow(l.Line, l["userName"]?.Trim(), l["displayName"]?.Trim(), l["role"]?.Trim(), l["unitCode"]?.Trim(), l["password"])), problems);
    }
}
