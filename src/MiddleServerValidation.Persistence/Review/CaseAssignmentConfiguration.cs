using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Review;

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> builder)
    {
        builder.ToTable("case_assignments");
        builder.HasKey(a => a.FindingId);
        builder.Property(a => a.FindingId).HasColumnName("finding_id");
        builder.Property(a => a.Assignee).HasColumnName("assignee").HasMaxLength(200);
        builder.Property(a => a.AssignedAt).HasColumnName("assigned_at");
    }
}
