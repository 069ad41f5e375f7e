using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Administration;

internal sealed class AdministrationConfiguration :
    IEntityTypeConfiguration<AdminChangeRow>,
    IEntityTypeConfiguration<HolidayScheduleRow>,
    IEntityTypeConfiguration<ReferenceVersionRow>
{
    public void Configure(EntityTypeBuilder<AdminChangeRow> builder)
    {
        builder.ToTable("admin_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.ActorUserId).HasMaxLength(64);
        builder.Property(c => c.ActorRole).HasMaxLength(32);
        builder.Property(c => c.ActorUnit).HasMaxLength(32);
        builder.Property(c => c.Kind).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(64);
        builder.Property(c => c.Area).HasMaxLength(32);
        // Newest first within an area (scoped by code prefix), and everything about one subject.
        builder.HasIndex(c => new { c.Area, c.Id });
        builder.HasIndex(c => new { c.Subject, c.Id });
    }

    public void Configure(EntityTypeBuilder<HolidayScheduleRow> builder)
    {
        builder.ToTable("holiday_schedules");
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
        builder.Property(s => s.UploadedBy).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<ReferenceVersionRow> builder)
    {
        builder.ToTable("reference_versions");
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(32);
    }
}
