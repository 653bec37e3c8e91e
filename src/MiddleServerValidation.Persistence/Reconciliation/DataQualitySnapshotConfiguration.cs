using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Reconciliation;

internal sealed class DataQualitySnapshotConfiguration : IEntityTypeConfiguration<DataQualitySnapshot>
{
    public void Configure(EntityTypeBuilder<DataQualitySnapshot> builder)
    {
        builder.ToTable("data_quality_snapshots");
        builder.HasKey(s => new { s.SnapshotDate, s.InsurerNumber, s.Kpi });
        builder.Property(s => s.SnapshotDate).HasColumnName("snapshot_date");
        builder.Property(s => s.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(s => s.Kpi).HasColumnName("kpi").HasMaxLength(40);
        builder.Property(s => s.Value).HasColumnName("value");
        builder.Property(s => s.RunId).HasColumnName("run_id");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
    }
}
