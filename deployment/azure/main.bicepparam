using 'main.bicep'

param containerImage = 'myregistry.azurecr.io/triagebot:1.0.0'
param registryServer = 'myregistry.azurecr.io'
param allowedOrigins = ['https://www.clinic.example']
// Secrets come from the environment of whoever deploys, never from this file.
param directLineSecret = readEnvironmentVariable('TRIAGEBOT_DIRECTLINE_SECRET')
param postgresAdminPassword = readEnvironmentVariable('TRIAGEBOT_POSTGRES_PASSWORD')
