using System.Text;
using GridCase.Workflows.Ports;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// One commit as one command of plain SQL that runs unchanged on SQLite and PostgreSQL, so the writes take one
/// round trip (on PostgreSQL the BEGIN rides along with it; the COMMIT is the other):
/// <code>
/// INSERT INTO workflow_instances (…) VALUES (…);                        -- new instance, or
/// UPDATE workflow_instances SET … WHERE "Id" = @id AND "ConcurrencyStamp" = @expected AND "LastSeq" = @previous;
/// INSERT INTO journal_entries (…) VALUES (…), (…);
/// INSERT INTO workflow_tasks (…) VALUES (…) ON CONFLICT ("TaskId") DO UPDATE SET … WHERE workflow_tasks."InstanceId" = excluded."InstanceId";
/// INSERT INTO workflow_timers (…) VALUES (…) ON CONFLICT ("TimerId") DO UPDATE SET … (same guard);
/// </code>
/// Each statement touches exactly one row per item when the commit is sound, so the command's total row count
/// (<see cref="ExpectedRows"/>) tells whether all of it applied; a duplicate id fails the command outright.
/// </summary>
/// <param name="Statements">Each statement's slice of <paramref name="Sql"/> and of the parameters, for providers that
/// bind every parameter of a command to every statement (Microsoft.Data.Sqlite looks each one up by name in each
/// statement: one command per statement is much cheaper there).</param>
internal sealed record WorkflowCommitSql(string Sql, int ExpectedRows, long PreviousSeq, IReadOnlyList<CommitStatement> Statements)
{
    // Far below SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int RowsPerStatement = 500;

    private const string InstanceColumns = "\"Id\", \"DefinitionId\", \"Version\", \"Status\", \"State\", \"ConcurrencyStamp\", \"LastSeq\", \"UpdatedAt\"";

    private const string JournalColumns = "\"InstanceId\", \"Seq\", \"At\", \"ActorUserId\", \"ActorRole\", \"ActorUnit\", \"Kind\", \"NodeId\", "
        + "\"DefinitionId\", \"DefinitionVersion\", \"Rule\", \"Data\", \"PrevHash\", \"Hash\"";

    private static readonly string[] TaskColumns =
        ["TaskId", "InstanceId", "NodeId", "Kind", "Queue", "Form", "Outcomes", "Status", "ClaimedBy", "OpenedAt", "WarnAt", "DueAt", "Warned", "Overdue", "Outcome", "ClosedAt"];

    private static readonly string[] TimerColumns = ["TimerId", "InstanceId", "NodeId", "Purpose", "DueAt", "Status"];

    /// <summary>Checks what can be checked without the database, and writes the SQL.</summary>
    public static WorkflowCommitSql For(WorkflowCommit commit, DateTime now, SqlParameters p)
    {
        var state = commit.State;
        var entries = commit.Entries;
        CheckEntries(commit);

        var previousSeq = entries.Count > 0 ? entries[0].Seq - 1 : state.LastSeq;
        var tasks = commit.Tasks.GroupBy(t => t.TaskId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var timers = commit.Timers.GroupBy(t => t.TimerId, StringComparer.Ordinal).Select(g => g.Last()).ToList();

        var sql = new StringBuilder(512 + (entries.Count * 160) + (tasks.Count * 400));
        var statements = new List<CommitStatement>();
        var (sqlStart, parameterStart) = (0, 0);
        void EndStatement()
        {
            statements.Add(new CommitStatement(sql.ToString(sqlStart, sql.Length - sqlStart), parameterStart, p.Count - parameterStart));
            (sqlStart, parameterStart) = (sql.Length, p.Count);
        }

        var stateJson = WorkflowStateJson.Write(state);
        if (commit.ExpectedStamp is not { } expected)
        {
            sql.Append("INSERT INTO workflow_instances (").Append(InstanceColumns).Append(") VALUES (")
                .Append(p.Add(state.InstanceId)).Append(", ").Append(p.Add(state.DefinitionId)).Append(", ").Append(p.Add(state.Version)).Append(", ")
                .Append(p.Add(state.Status.ToString())).Append(", ").Append(p.Add(stateJson)).Append(", ").Append(p.Add(commit.NewStamp)).Append(", ")
                .Append(p.Add(entries.Count > 0 ? entries[^1].Seq : state.LastSeq)).Append(", ").Append(p.Add(now)).Append(");\n");
        }
        else
        {
            sql.Append("UPDATE workflow_instances SET \"Status\" = ").Append(p.Add(state.Status.ToString()))
                .Append(", \"Version\" = ").Append(p.Add(state.Version))
                .Append(", \"State\" = ").Append(p.Add(stateJson))
                .Append(", \"ConcurrencyStamp\" = ").Append(p.Add(commit.NewStamp))
                .Append(", \"UpdatedAt\" = ").Append(p.Add(now));
            if (entries.Count > 0)
            {
                sql.Append(", \"LastSeq\" = ").Append(p.Add(entries[^1].Seq));
            }

            sql.Append(" WHERE \"Id\" = ").Append(p.Add(state.InstanceId)).Append(" AND \"ConcurrencyStamp\" = ").Append(p.Add(expected));
            if (entries.Count > 0)
            {
                sql.Append(" AND \"LastSeq\" = ").Append(p.Add(previousSeq));
            }

            sql.Append(";\n");
        }

        EndStatement();
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            sql.Append("INSERT INTO journal_entries (").Append(JournalColumns).Append(") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                sql.Append(i == 0 ? "(" : ", (")
                    .Append(p.Add(e.InstanceId)).Append(", ").Append(p.Add(e.Seq)).Append(", ").Append(p.Add(e.At)).Append(", ")
                    .Append(p.Add(e.Actor.UserId)).Append(", ").Append(p.Add(e.Actor.Role)).Append(", ").Append(p.Add(e.Actor.Unit)).Append(", ")
                    .Append(p.Add(e.Kind)).Append(", ").Append(p.Add(e.NodeId)).Append(", ").Append(p.Add(e.DefinitionId)).Append(", ")
                    .Append(p.Add(e.DefinitionVersion)).Append(", ").Append(p.Add(e.Rule)).Append(", ").Append(p.Add(e.DataJson)).Append(", ")
                    .Append(p.Add(e.PrevHash)).Append(", ").Append(p.Add(e.Hash)).Append(')');
            }

            sql.Append(";\n");
            EndStatement();
        }

        foreach (var chunk in tasks.Chunk(RowsPerStatement))
        {
            AppendUpsertHead(sql, "workflow_tasks", TaskColumns);
            for (var i = 0; i < chunk.Length; i++)
            {
                var t = chunk[i];
                sql.Append(i == 0 ? "(" : ", (")
                    .Append(p.Add(t.TaskId)).Append(", ").Append(p.Add(t.InstanceId)).Append(", ").Append(p.Add(t.NodeId)).Append(", ")
                    .Append(p.Add(t.Kind.ToString())).Append(", ").Append(p.Add(t.Queue)).Append(", ").Append(p.Add(t.Form)).Append(", ")
                    .Append(p.Add(WorkflowStateJson.WriteStrings(t.Outcomes))).Append(", ").Append(p.Add(t.Status.ToString())).Append(", ")
                    .Append(p.Add(t.ClaimedBy)).Append(", ").Append(p.Add(t.OpenedAt)).Append(", ").Append(p.Add(t.WarnAt)).Append(", ")
                    .Append(p.Add(t.DueAt)).Append(", ").Append(p.Add(t.Warned)).Append(", ").Append(p.Add(t.Overdue)).Append(", ")
                    .Append(p.Add(t.Outcome)).Append(", ").Append(p.Add(t.ClosedAt)).Append(')');
            }

            AppendUpsertTail(sql, "workflow_tasks", TaskColumns);
            EndStatement();
        }

        foreach (var chunk in timers.Chunk(RowsPerStatement))
        {
            AppendUpsertHead(sql, "workflow_timers", TimerColumns);
            for (var i = 0; i < chunk.Length; i++)
            {
                var t = chunk[i];
                sql.Append(i == 0 ? "(" : ", (")
                    .Append(p.Add(t.TimerId)).Append(", ").Append(p.Add(t.InstanceId)).Append(", ").Append(p.Add(t.NodeId)).Append(", ")
                    .Append(p.Add(t.Purpose.ToString())).Append(", ").Append(p.Add(t.DueAt)).Append(", ").Append(p.Add(t.Status.ToString())).Append(')');
            }

            AppendUpsertTail(sql, "workflow_timers", TimerColumns);
            EndStatement();
        }

        return new WorkflowCommitSql(sql.ToString(), 1 + entries.Count + tasks.Count + timers.Count, previousSeq, statements);
    }

    private static void CheckEntries(WorkflowCommit commit)
    {
        var id = commit.State.InstanceId;
        var entries = commit.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].InstanceId != id)
            {
                throw new ArgumentException($"Entry {entries[i].Seq} belongs to instance {entries[i].InstanceId}, not {id}.", nameof(commit));
            }

            if (entries[i].Seq != entries[0].Seq + i)
            {
                throw new InvalidOperationException($"Journal of {id} would not be contiguous.");
            }
        }

        if (commit.ExpectedStamp is null && entries.Count > 0 && entries[0].Seq != 1)
        {
            throw new InvalidOperationException($"Journal of {id} would not be contiguous: a new instance's journal starts at seq 1.");
        }
    }

    private static void AppendUpsertHead(StringBuilder sql, string table, string[] columns)
    {
        sql.Append("INSERT INTO ").Append(table).Append(" (");
        for (var i = 0; i < columns.Length; i++)
        {
            sql.Append(i == 0 ? "\"" : ", \"").Append(columns[i]).Append('"');
        }

        sql.Append(") VALUES ");
    }

    // A row of another instance with the same id is left alone (and the row count reveals it).
    private static void AppendUpsertTail(StringBuilder sql, string table, string[] columns)
    {
        sql.Append(" ON CONFLICT (\"").Append(columns[0]).Append("\") DO UPDATE SET ");
        for (var i = 2; i < columns.Length; i++)
        {
            sql.Append(i == 2 ? "\"" : ", \"").Append(columns[i]).Append("\" = excluded.\"").Append(columns[i]).Append('"');
        }

        sql.Append(" WHERE ").Append(table).Append(".\"InstanceId\" = excluded.\"InstanceId\";\n");
    }
}

/// <summary>One statement of a commit: its SQL and the range of parameters it uses.</summary>
internal sealed record CommitStatement(string Sql, int FirstParameter, int ParameterCount);
