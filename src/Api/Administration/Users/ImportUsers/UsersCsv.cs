using System.Text;
using CsvHelper;
using GridCase.Api.Administration.Import;

namespace GridCase.Api.Administration.Users.ImportUsers;

/// <summary>One line of a users file, numbered as the file's lines are (the header is line 1).</summary>
public sealed record UserRow(int Line, string? UserName, string? DisplayName, string? Role, string? UnitCode, string? Password) : INewUser;


/// <summary>
/// Reads a users file: UTF-8 CSV, comma-separated, a header naming the columns <see cref="Columns"/> in any order and
/// case. Every line that cannot be read becomes a problem naming its line; nothing is guessed.
/// </summary>
public static class UsersCsv
{
    public const int MaxRows = 2000;

    public static readonly IReadOnlyList<string> Columns = ["userName", "displayName", "role", "unitCode", "password"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<UserRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(byte[] file)
    {
        var problems = new List<ImportProblem>();
        string text;
        try
        {
            text = StrictUtf8.GetString(file);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(1, "", "文件须为 UTF-8 编码（Excel：另存为“CSV UTF-8”）/ The file must be UTF-8 (in Excel: save as \"CSV UTF-8\")."));
            return ([], problems);
        }

        var malformed = new List<CsvMalformedRecord>();
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = false,
            OnMalformedRecord = malformed.Add,
        });

        var index = Header(reader.Headers, problems);
        var lines = new List<(int Line, string[] Fields)>();
        while (problems.Count == 0 && reader.Read())
        {
            lines.Add(((int)reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        if (lines.Count == 0)
        {
            return ([], [new(1, "", "文件中没有用户 / The file lists no users.")]);
        }

        if (lines.Count > MaxRows)
        {
            return ([], [new(1, "", $"一个文件至多 {MaxRows} 行用户，请分批导入 / A file lists at most {MaxRows} users; split it.")]);
        }

        var badQuoting = malformed.Where(m => m.Reason != CsvMalformedReason.FieldCountMismatch).Select(m => (int)m.LineNumber).ToHashSet();
        var rows = new List<UserRow>();
        foreach (var (line, fields) in lines)
        {
            if (badQuoting.Contains(line))
            {
                problems.Add(new(line, "", "引号不成对或位置不对 / The quotes of this line are malformed."));
            }
            else if (fields.Length != index.Count)
            {
                problems.Add(new(line, "", $"本行有 {fields.Length} 列，表头有 {index.Count} 列 / The line has {fields.Length} fields, the header {index.Count}."));
            }
            else
            {
                string? Field(string column) => fields[index[column]] is { Length: > 0 } value ? value : null;
                rows.Add(new UserRow(line, Field("userName")?.Trim(), Field("displayName")?.Trim(), Field("role")?.Trim(), Field("unitCode")?.Trim(), Field("password")));
            }
        }

        return (rows, problems);
    }

    private static Dictionary<string, int> Header(IReadOnlyList<string> headers, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            var column = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                problems.Add(new(1, name, $"未知的列 {name}，列为 {string.Join(", ", Columns)} / Unknown column '{name}': the columns are {string.Join(", ", Columns)}."));
            }
            else if (!index.TryAdd(column, i))
            {
                problems.Add(new(1, column, $"列 {column} 出现了两次 / Column {column} appears twice."));
            }
        }

        foreach (var missing in Columns.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new(1, missing, $"缺少列 {missing} / Column {missing} is missing."));
        }

        return index;
    }
}
