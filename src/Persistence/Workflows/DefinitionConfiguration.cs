using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Workflows;

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersionRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersionRow> builder)
    {
        builder.ToTable("workflow_definition_versions");
        builder.HasKey(v => new { v.DefinitionId, v.Version });
        builder.Property(v => v.DefinitionId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.ChangeNote).HasMaxLength(2000);
        builder.Property(v => v.PublishedBy).HasMaxLength(WorkflowColumns.IdLength);
    }
}

internal sealed class WorkflowDraftConfiguration : IEntityTypeConfiguration<WorkflowDraftRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDraftRow> builder)
    {
        builder.ToTable("workflow_drafts");
        builder.HasKey(d => d.DefinitionId);
        builder.Property(d => d.DefinitionId).HasMaxLength(WorkflowColumns.IdLength);
        builder.Property(d => d.SavedBy).HasMaxLength(WorkflowColumns.IdLength);
    }
}

internal static class WorkflowColumns
{
    /// <summary>Definition, node, task, timer and user ids.</summary>
    public const int IdLength = 128;

    /// <summary>Unit codes and role names (a unit code is at most 32 characters; the slack costs nothing).</summary>
    public const int CodeLength = 64;
}
