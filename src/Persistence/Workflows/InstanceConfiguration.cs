using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Workflows;

// JSON columns are plain text on both providers: the journal's Data is hashed as written (jsonb would
// reorder keys), and nothing queries inside the state, so jsonb's parse on every write would buy nothing.
internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();

        // Migration finds the running instances of one version, a page at a time by id.
        builder.HasIndex(i => new { i.DefinitionId, i.Version, i.Status, i.Id });
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(e => new { e.InstanceId, e.Seq });
        builder.Property(e => e.ActorUserId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(e => e.ActorRole).HasMaxLength(WorkflowColumns.CodeLength);
        builder.Property(e => e.ActorUnit).HasMaxLength(WorkflowColumns.CodeLength);
        builder.Property(e => e.Kind).HasMaxLength(WorkflowColumns.CodeLength);
        builder.Property(e => e.NodeId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(e => e.DefinitionId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(e => e.PrevHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTaskRow>
{
    public void Configure(EntityTypeBuilder<WorkflowTaskRow> builder)
    {
        builder.ToTable("workflow_tasks");
        builder.HasKey(t => t.TaskId);
        builder.Property(t => t.TaskId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(t => t.NodeId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(t => t.Queue).HasMaxLength(WorkflowColumns.CodeLength);
        builder.Property(t => t.Form).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(t => t.ClaimedBy).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(t => t.Outcome).HasMaxLength(WorkflowColumns.IdLength);
        builder.HasIndex(t => new { t.Queue, t.Status, t.DueAt });
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimerRow>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRow> builder)
    {
        builder.ToTable("workflow_timers");
        builder.HasKey(t => t.TimerId);
        builder.Property(t => t.TimerId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(t => t.NodeId).HasMaxLength(WorkflowColumns.IdLength);
        builder.HasIndex(t => new { t.Status, t.DueAt });
    }
}
