// TriageBot on Azure: Container Apps (2+ replicas) on PostgreSQL Flexible Server, the Azure Bot resource with the
// Teams, Web Chat and Direct Line channels, secrets in Key Vault read through a user-assigned managed identity.
// Deploy: az deployment group create -g <group> -f deployment/azure/main.bicep -p deployment/azure/main.bicepparam
// Lint:   deployment/azure/lint.sh

targetScope = 'resourceGroup'

@description('Prefix for every resource name (lower case letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'triagebot'

param location string = resourceGroup().location

@description('The TriageBot image, e.g. myregistry.azurecr.io/triagebot:1.0.0 (built from deployment/docker/Dockerfile).')
param containerImage string

@description('Registry login server when the image is private (pulled with the managed identity, which needs AcrPull); empty for a public image.')
param registryServer string = ''

@description('UserAssignedMSI: the bot authenticates as the managed identity (no password). SingleTenant: an app registration with a client secret.')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param microsoftAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param microsoftAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (stored in Key Vault).')
@secure()
param microsoftAppPassword string = ''

@description('The Direct Line secret the clinic\'s website swaps for tokens: at least 32 characters, the same for every replica.')
@secure()
@minLength(32)
param directLineSecret string

@description('PostgreSQL administrator password.')
@secure()
@minLength(16)
param postgresAdminPassword string

param postgresAdminLogin string = 'triagebot'

@description('Clinic name shown on the chat page.')
param clinicName string = 'Northgate Spine Clinic'

@description('Origins of the clinic\'s web pages allowed to call Direct Line from a browser.')
param allowedOrigins array = []

@description('CIDR networks of the ingress proxies (with a VNet-integrated environment: its infrastructure subnet). Until set, X-Forwarded-Proto is not trusted and Direct Line hands out ws:// stream URLs.')
param trustedProxyNetworks array = []

@minValue(1)
param minReplicas int = 2

@minValue(1)
param maxReplicas int = 6

var usesPassword = microsoftAppType == 'SingleTenant'
var appPort = 8080
var databaseName = 'triagebot'
// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Lets Azure services (the container apps) connect; use private networking (VNet integration) for production.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-secret'
  properties: {
    value: directLineSecret
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesPassword) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

// The Data Protection key ring, shared by every replica (a referral protected by one is read by another).
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${name}keys${uniqueString(resourceGroup().id)}', 24)
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource keysShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: 'dataprotection-keys'
  properties: {
    shareQuota: 1
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource keysStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: 'dataprotection-keys'
  properties: {
    azureFile: {
      accountName: storage.name
      accountKey: storage.listKeys().keys[0].value
      shareName: keysShare.name
      accessMode: 'ReadWrite'
    }
  }
}

var botAppId = usesPassword ? microsoftAppId : identity.properties.clientId

// Key Vault references: the app reads each secret through the managed identity; nothing secret is in its template.
var keyVaultSecrets = concat([
  {
    name: 'connection-string'
    keyVaultUrl: connectionStringSecret.properties.secretUri
    identity: identity.id
  }
  {
    name: 'directline-secret'
    keyVaultUrl: directLineSecretValue.properties.secretUri
    identity: identity.id
  }
], usesPassword ? [
  {
    name: 'bot-app-password'
    keyVaultUrl: appPasswordSecret!.properties.secretUri
    identity: identity.id
  }
] : [])

// Environment names are configuration keys with ':' written as '__' (deployment/README.md lists them).
var environmentVariables = concat([
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'ConnectionStrings__TriageBot', secretRef: 'connection-string' }
  { name: 'Channels__DirectLine__Secret', secretRef: 'directline-secret' }
  { name: 'DataProtection__KeysPath', value: '/keys' }
  { name: 'Storage__DataDirectory', value: '/data' }
  { name: 'ASPNETCORE_HTTP_PORTS', value: string(appPort) }
  { name: 'Clinic__Name', value: clinicName }
  { name: 'MicrosoftAppType', value: microsoftAppType }
  { name: 'MicrosoftAppId', value: botAppId }
  { name: 'MicrosoftAppTenantId', value: subscription().tenantId }
], usesPassword ? [
  { name: 'MicrosoftAppPassword', secretRef: 'bot-app-password' }
] : [], map(range(0, length(allowedOrigins)), i => {
  name: 'Channels__DirectLine__AllowedOrigins__${i}'
  value: allowedOrigins[i]
}), map(range(0, length(trustedProxyNetworks)), i => {
  name: 'ForwardedHeaders__KnownNetworks__${i}'
  value: trustedProxyNetworks[i]
}))

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    secretsUser
    database
    allowAzure
  ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      secrets: keyVaultSecrets
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      // HTTP/1.1 with WebSocket upgrade (Direct Line streams); any replica takes any turn, so no session affinity.
      ingress: {
        external: true
        targetPort: appPort
        transport: 'auto'
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'triagebot'
          image: containerImage
          env: environmentVariables
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: appPort
              }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: appPort
              }
              periodSeconds: 5
              timeoutSeconds: 6
            }
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: appPort
              }
              periodSeconds: 2
              failureThreshold: 60
            }
          ]
          volumeMounts: [
            {
              volumeName: 'data'
              mountPath: '/data'
            }
            {
              volumeName: 'keys'
              mountPath: '/keys'
            }
          ]
        }
      ]
      volumes: [
        {
          name: 'data'
          storageType: 'EmptyDir'
        }
        {
          name: 'keys'
          storageType: 'AzureFile'
          storageName: keysStorage.name
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '100'
              }
            }
          }
        ]
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${uniqueString(resourceGroup().id)}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'S1'
  }
  properties: {
    displayName: clinicName
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: microsoftAppType
    msaAppTenantId: subscription().tenantId
    msaAppMSIResourceId: usesPassword ? null : identity.id
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Azure's own Web Chat and Direct Line channels call /api/messages. The chat page the app serves itself uses the
// app's built-in Direct Line (Channels:DirectLine) and needs neither.
resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: allowedOrigins
        }
      ]
    }
  }
}

output appUrl string = 'https://${app.properties.configuration.ingress.fqdn}'
output messagingEndpoint string = bot.properties.endpoint
output botAppId string = botAppId
output keyVaultName string = vault.name
