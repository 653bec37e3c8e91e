using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Reconciliation;

internal sealed class CorrectionFileConfiguration : IEntityTypeConfiguration<CorrectionFile>
{
    public void Configure(EntityTypeBuilder<CorrectionFile> builder)
    {
        builder.ToTable("correction_files");
        builder.HasKey(f => new { f.RunId, f.InsurerNumber });
        builder.Property(f => f.RunId).HasColumnName("run_id");
        builder.Property(f => f.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(f => f.FileName).HasColumnName("file_name");
        builder.Property(f => f.Content).HasColumnName("content");
        builder.Property(f => f.RowCount).HasColumnName("row_count");
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
    }
}
