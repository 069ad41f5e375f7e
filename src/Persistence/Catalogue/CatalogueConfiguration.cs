using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Catalogue;

internal sealed class CatalogueConfiguration :
    IEntityTypeConfiguration<CatalogueRow>,
    IEntityTypeConfiguration<CatalogueCategoryRow>,
    IEntityTypeConfiguration<CatalogueItemRow>,
    IEntityTypeConfiguration<CatalogueBatchRow>
{
    public void Configure(EntityTypeBuilder<CatalogueBatchRow> builder)
    {
        builder.ToTable("catalogue_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Note).HasMaxLength(500);
        builder.Property(b => b.ProposedBy).HasMaxLength(64);
        builder.Property(b => b.DecidedBy).HasMaxLength(64);
        builder.Property(b => b.DecisionNote).HasMaxLength(500);
        builder.HasIndex(b => new { b.County, b.ProposedAt });
    }

    public void Configure(EntityTypeBuilder<CatalogueRow> builder)
    {
        builder.ToTable("catalogues");
        builder.HasKey(c => c.County);
    }

    public void Configure(EntityTypeBuilder<CatalogueCategoryRow> builder)
    {
        builder.ToTable("catalogue_categories");
        builder.HasKey(c => new { c.County, c.Code });
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CatalogueItemRow> builder)
    {
        builder.ToTable("catalogue_items");
        builder.HasKey(i => new { i.County, i.Code });
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.CategoryCode).HasMaxLength(32);
        builder.HasIndex(i => new { i.County, i.CategoryCode });
    }
}
