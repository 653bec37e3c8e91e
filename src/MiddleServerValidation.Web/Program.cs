using MiddleServerValidation.Web;

await WebApp.Build(args).RunAsync();
