using System.Text.Json;
using GridCase.Api.Administration.Import;

namespace GridCase.Api.Administration.Units.ImportUnits;

/// <summary>
/// One row of an import with its line: the physical line in a CSV file (the header is line 1), the array index + 1 in
/// JSON. A row that could not be read whole (its problem already listed) keeps its line so that rows under it say so.
/// </summary>
public sealed record ImportRow(int Line, UnitInput Unit, bool Unreadable = false);

/// <summary>
/// Reads the rows of an import file. Columns (CSV header or JSON property names, matched ignoring case): <c>code</c>,
/// <c>name</c>, <c>parentCode</c> (required), <c>kind</c>, <c>gridType</c>, <c>population</c>, <c>boundary</c>
/// (GeoJSON text; in JSON also an object). What cannot be read is a problem on its line, never an exception.
/// </summary>
public static class ImportRows
{
    public const int MaxRows = 20_000;

    public static readonly string[] Columns = ["code", "name", "parentCode", "kind", "gridType", "population", "boundary"];
    private static readonly string[] Required = ["code", "name", "parentCode"];

    public static List<ImportRow> FromCsv(string text, List<ImportProblem> problems) =>
        CsvImport.Read(text, Columns, Required, MaxRows, problems).ConvertAll(l => new ImportRow(l.Line, new UnitInput(
            Blank(l["code"]), Blank(l["name"]), Blank(l["parentCode"]), Blank(l["kind"]), Blank(l["gridType"]), Blank(l["population"]), Blank(l["boundary"]))));

    public static List<ImportRow> FromJson(string text, List<ImportProblem> problems)
    {
        var rows = new List<ImportRow>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem((int)(e.LineNumber ?? 0) + 1, "", $"JSON 格式错误 / malformed JSON: {e.Message}"));
            return rows;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(1, "", "须为单位数组 / the body must be a JSON array of units."));
                return rows;
            }

            var line = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                line++;
                if (rows.Count == MaxRows)
                {
                    problems.Add(new ImportProblem(line, "", $"一次最多导入 {MaxRows} 行 / at most {MaxRows} rows per import."));
                    break;
                }

                rows.Add(Row(element, line, problems));
            }
        }

        return rows;
    }

    private static ImportRow Row(JsonElement element, int line, List<ImportProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ImportProblem(line, "", "每一项须为对象 / each item must be an object."));
            return new ImportRow(line, new UnitInput(null, null, null, null, null, null, null), Unreadable: true);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var bad = false;
        foreach (var property in element.EnumerateObject())
        {
            var column = Columns.FirstOrDefault(c => string.Equals(c, property.Name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                problems.Add(new ImportProblem(line, property.Name, $"未知的字段 '{property.Name}' / unknown property '{property.Name}': the properties are {string.Join(", ", Columns)}."));
                bad = true;
                continue;
            }

            var value = property.Value;
            values[column] = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => Blank(value.GetString()),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Object when column == "boundary" => value.GetRawText(),
                _ => Unreadable(column),
            };
        }

        string? Unreadable(string column)
        {
            problems.Add(new ImportProblem(line, column, $"'{column}' 须为文本{(column == "boundary" ? "或 GeoJSON 对象" : "")} / '{column}' must be a string{(column == "boundary" ? " or a GeoJSON object" : "")}."));
            bad = true;
            return null;
        }

        return new ImportRow(line, new UnitInput(
            values.GetValueOrDefault("code"), values.GetValueOrDefault("name"), values.GetValueOrDefault("parentCode"), values.GetValueOrDefault("kind"),
            values.GetValueOrDefault("gridType"), values.GetValueOrDefault("population"), values.GetValueOrDefault("boundary")), bad);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
