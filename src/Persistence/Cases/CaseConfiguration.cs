using GridCase.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridCase.Persistence.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    /// <summary>Shadow concurrency token, refreshed by <see cref="GridCaseDb"/> on every save of a changed case.</summary>
    public const string ConcurrencyStamp = "ConcurrencyStamp";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasConversion(new ValueConverter<CaseId, Guid>(id => id.Value, value => new CaseId(value)));
        builder.Property(c => c.Number).HasConversion(new ValueConverter<CaseNumber, string>(n => n.Value, value => CaseNumber.Parse(value))).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.CatalogueItemCode).HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.ParkExplanation).HasMaxLength(2000);
        builder.Property(c => c.ResolutionNote).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ResponsibleUnit, c.Status });
        builder.HasIndex(c => c.GridCode);
        builder.Ignore(c => c.PendingEvents);
        builder.Ignore(c => c.IsOpen);
        builder.Property<Guid>(ConcurrencyStamp).IsConcurrencyToken();

        builder.OwnsOne(c => c.Location, location =>
        {
            location.Property(l => l.Latitude).HasColumnName("latitude");
            location.Property(l => l.Longitude).HasColumnName("longitude");
            location.Property(l => l.Address).HasColumnName("address").HasMaxLength(GeoLocation.AddressMaxLength);
        });

        // Personal data: its own columns so that retention can blank them without touching the case.
        builder.OwnsOne(c => c.Reporter, reporter =>
        {
            reporter.Property(r => r.Name).HasColumnName("reporter_name").HasMaxLength(ReporterContact.NameMaxLength);
            reporter.Property(r => r.Phone).HasColumnName("reporter_phone").HasMaxLength(ReporterContact.PhoneMaxLength);
        });
    }
}

/// <summary>The last number handed out per prefix and year (e.g. QS-2026-000123).</summary>
public sealed class CaseNumberCounter
{
    public required string Prefix { get; init; }
    public required int Year { get; init; }
    public required int Last { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => new { c.Prefix, c.Year });
        builder.Property(c => c.Prefix).HasMaxLength(8);
    }
}
