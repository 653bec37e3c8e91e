using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Batches;

internal sealed class RegistrationBatchConfiguration : IEntityTypeConfiguration<RegistrationBatch>
{
    public void Configure(EntityTypeBuilder<RegistrationBatch> builder)
    {
        builder.ToTable("batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id");
        builder.Property(b => b.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(b => b.FileName).HasColumnName("file_name");
        builder.Property(b => b.Encoding).HasColumnName("encoding").HasMaxLength(16);
        builder.Property(b => b.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(b => b.TotalRows).HasColumnName("total_rows");
        builder.Property(b => b.RowsDone).HasColumnName("rows_done");
        builder.Property(b => b.Accepted).HasColumnName("accepted");
        builder.Property(b => b.Rejected).HasColumnName("rejected");
        builder.Property(b => b.Suspected).HasColumnName("suspected");
        builder.Property(b => b.Pending).HasColumnName("pending");
        builder.Property(b => b.LeaseOwner).HasColumnName("lease_owner");
        builder.Property(b => b.LeaseUntil).HasColumnName("lease_until");
        builder.Property(b => b.CreatedAt).HasColumnName("created_at");
        builder.Property(b => b.StartedAt).HasColumnName("started_at");
        builder.Property(b => b.CompletedAt).HasColumnName("completed_at");
        builder.Property(b => b.UpdatedAt).HasColumnName("updated_at");
    }
}
