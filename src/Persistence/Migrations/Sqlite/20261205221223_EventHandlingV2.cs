using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventHandlingV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HandledOnSite",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_DefinitionId_Version_Status_Id",
                table: "workflow_instances",
                columns: new[] { "DefinitionId", "Version", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_DefinitionId_Version_Status_Id",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "HandledOnSite",
                table: "cases");
        }
    }
}
