{{/* Chart name. */}}
{{- define "hub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name prefix of every resource. */}}
{{- define "hub.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's resources: <fullname>-<service>. Call with (dict "root" $ "name" $name). */}}
{{- define "hub.serviceName" -}}
{{- printf "%s-%s" (include "hub.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hub.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels common to every resource. */}}
{{- define "hub.labels" -}}
helm.sh/chart: {{ include "hub.chartLabel" . }}
app.kubernetes.io/name: {{ include "hub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: improvement-hub
{{- end -}}

{{/* Selector labels of one service's pods. Call with (dict "root" $ "name" $name). */}}
{{- define "hub.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hub.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* All labels of one service's resources. */}}
{{- define "hub.serviceLabels" -}}
{{ include "hub.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "hub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "hub.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* registry/repository:tag of one service. Call with (dict "root" $ "svc" $svc). */}}
{{- define "hub.image" -}}
{{- $registry := default .root.Values.image.registry .svc.image.registry -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) .svc.image.tag -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .svc.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .svc.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The token issuer: explicit, or the public URL of tenancy. */}}
{{- define "hub.tokenIssuer" -}}
{{- if .Values.tokens.issuer -}}
{{- .Values.tokens.issuer -}}
{{- else -}}
{{- printf "https://%s%s" .Values.ingress.host .Values.services.tenancy.contextPath -}}
{{- end -}}
{{- end -}}

{{/* The portal's public SSO callback: explicit, or under the public address of the portal. */}}
{{- define "hub.ssoCallbackUrl" -}}
{{- if .Values.sso.callbackUrl -}}
{{- .Values.sso.callbackUrl -}}
{{- else -}}
{{- printf "%s/sign-in/sso-callback" (default (printf "https://%s" .Values.ingress.host) .Values.webBaseUrl | trimSuffix "/") -}}
{{- end -}}
{{- end -}}

{{/* Micronaut reads this port from HUB_<SERVICE>_PORT; every container listens on 8080. */}}
{{- define "hub.httpPort" -}}8080{{- end -}}

{{/*
The non-secret configuration of one service, as env vars (ConfigMap data). The migration Job and the
Deployment get exactly the same values. Call with (dict "root" $ "name" $name "svc" $svc).
*/}}
{{- define "hub.configEnv" -}}
{{- $root := .root -}}
{{- $tenancy := dict "root" $root "name" "tenancy" -}}
MICRONAUT_ENVIRONMENTS: "kubernetes"
MICRONAUT_CONFIG_FILES: "/etc/improvement-hub/application-kubernetes.yml"
MICRONAUT_SERVER_PORT: {{ include "hub.httpPort" . | quote }}
HUB_{{ .name | upper }}_PORT: {{ include "hub.httpPort" . | quote }}
MICRONAUT_SERVER_CONTEXT_PATH: {{ .svc.contextPath | quote }}
# Management endpoints (health, later metrics) stay at the root, outside the API context path and so off the
# Ingress: Micronaut's endpoints.all.context.path (4.5+) replaces the server context path for them.
ENDPOINTS_ALL_CONTEXT_PATH: "/"
JAVA_TOOL_OPTIONS: {{ .svc.javaOptions | quote }}
HUB_LOG_FORMAT: {{ $root.Values.logFormat | quote }}
HUB_TOKEN_ISSUER: {{ include "hub.tokenIssuer" $root | quote }}
HUB_WEB_BASE_URL: {{ default (printf "https://%s" $root.Values.ingress.host) $root.Values.webBaseUrl | quote }}
HUB_JWKS_URL: {{ printf "http://%s:%s%s/.well-known/jwks.json" (include "hub.serviceName" $tenancy) (include "hub.httpPort" .) $root.Values.services.tenancy.contextPath | quote }}
{{- if .svc.callsServices }}
{{- /* the portal calls each API inside the cluster, never through the Ingress */}}
{{- range $other, $otherSvc := $root.Values.services }}
{{- if and $otherSvc.enabled (ne $other $.name) }}
HUB_{{ $other | upper }}_URL: {{ printf "http://%s:%s%s" (include "hub.serviceName" (dict "root" $root "name" $other)) (include "hub.httpPort" $) $otherSvc.contextPath | quote }}
{{- end }}
{{- end }}
{{- /* the portal believes its Ingress about the browser's address and passes it to tenancy's sign-in */}}
HUB_PORTAL_TRUSTED_PROXIES: {{ join "," $root.Values.signIn.trustedProxies | quote }}
HUB_PORTAL_SSO_CALLBACK_URL: {{ include "hub.ssoCallbackUrl" $root | quote }}
{{- end }}
DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE: {{ $root.Values.postgresql.maximumPoolSize | quote }}
HUB_MIGRATION_PARALLELISM: {{ .svc.migration.parallelism | quote }}
{{- if $root.Values.postgresql.url }}
HUB_DB_URL: {{ $root.Values.postgresql.url | quote }}
{{- end }}
{{- if $root.Values.kafka.bootstrapServers }}
HUB_KAFKA_BOOTSTRAP: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- end }}
{{- if .svc.smtp }}
{{- if $root.Values.smtp.host }}
HUB_SMTP_HOST: {{ $root.Values.smtp.host | quote }}
{{- end }}
HUB_SMTP_PORT: {{ $root.Values.smtp.port | quote }}
HUB_NOTIFICATIONS_FROM: {{ $root.Values.smtp.from | quote }}
{{- end }}
{{- if .svc.signsTokens }}
HUB_TOKEN_SIGNING_KEY_FILE: {{ printf "/etc/improvement-hub/signing-key/%s" $root.Values.tokens.signingKey.key | quote }}
{{- if $root.Values.tokens.signingKey.secondKey }}
HUB_TOKEN_SECOND_KEY_FILE: {{ printf "/etc/improvement-hub/signing-key-second/%s" $root.Values.tokens.signingKey.secondKey | quote }}
{{- end }}
HUB_TOKEN_GENERATE_KEY: "false"
HUB_TOKEN_LIFETIME: {{ $root.Values.tokens.lifetime | quote }}
HUB_BOOTSTRAP_ADMIN_EMAIL: {{ $root.Values.bootstrapAdmin.email | quote }}
HUB_REQUIRED_SERVICES: {{ include "hub.requiredServices" $root | quote }}
{{- /* failed sign-ins count against the browser (X-Forwarded-For from the portal and the Ingress), not them */}}
HUB_SIGN_IN_TRUSTED_PROXIES: {{ join "," $root.Values.signIn.trustedProxies | quote }}
HUB_SSO_REDIRECT_URIS: {{ include "hub.ssoCallbackUrl" $root | quote }}
HUB_SSO_ALLOWED_ISSUER_HOSTS: {{ join "," $root.Values.sso.allowedIssuerHosts | quote }}
HUB_SSO_ALLOW_INSIDE_ADDRESSES: {{ $root.Values.sso.allowInsideAddresses | toString | quote }}
{{- end }}
{{- range $k, $v := .svc.env }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/* Services that must answer CouncilSchemaReady before tenancy marks a council ACTIVE: every enabled service that keeps council tables, tenancy aside. */}}
{{- define "hub.requiredServices" -}}
{{- $names := list -}}
{{- range $name, $svc := .Values.services -}}
{{- if and $svc.enabled $svc.migration.councilSchemas (ne $name "tenancy") -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- join "," $names -}}
{{- end -}}

{{/* The extra Micronaut configuration file of one service: chart-made settings, then services.<name>.config on top. */}}
{{- define "hub.configFile" -}}
{{- $conf := dict -}}
{{- if and .svc.smtp .root.Values.smtp.existingSecret -}}
{{- $_ := set $conf "javamail" (dict "authentication" (dict "username" "${HUB_SMTP_USER}" "password" "${HUB_SMTP_PASSWORD}")) -}}
{{- end -}}
{{- if and .svc.signsTokens .root.Values.sso.clientSecrets.existingSecret -}}
{{- /* councils' SSO client secrets: one file per clientSecretRef in the mounted Secret */ -}}
{{- $_ := set $conf "hub" (dict "sso" (dict "secrets-dir" "/etc/improvement-hub/sso-secrets")) -}}
{{- end -}}
{{- $conf = mustMergeOverwrite $conf (deepCopy .svc.config) -}}
# Rendered by the improvement-hub chart from services.{{ .name }}.config
{{ if $conf }}{{ toYaml $conf }}{{ else }}{}{{ end }}
{{- end -}}

{{/* Env vars read from existing Secrets. Call with (dict "root" $ "svc" $svc). */}}
{{- define "hub.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $db := required "postgresql.existingSecret is required: the Secret holding the database credentials" $v.postgresql.existingSecret -}}
{{- if not $v.postgresql.url }}
- name: HUB_DB_URL
  valueFrom:
    secretKeyRef: {name: {{ $db | quote }}, key: {{ $v.postgresql.urlKey | quote }}}
{{- end }}
- name: HUB_DB_USER
  valueFrom:
    secretKeyRef: {name: {{ $db | quote }}, key: {{ $v.postgresql.usernameKey | quote }}}
- name: HUB_DB_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $db | quote }}, key: {{ $v.postgresql.passwordKey | quote }}}
{{- if not $v.kafka.bootstrapServers }}
- name: HUB_KAFKA_BOOTSTRAP
  valueFrom:
    secretKeyRef: {name: {{ required "kafka.bootstrapServers or kafka.existingSecret is required" $v.kafka.existingSecret | quote }}, key: {{ $v.kafka.bootstrapServersKey | quote }}}
{{- end }}
{{- if and .svc.smtp (not $v.smtp.host) }}
- name: HUB_SMTP_HOST
  valueFrom:
    secretKeyRef: {name: {{ required "smtp.host or smtp.existingSecret is required by services with smtp: true" $v.smtp.existingSecret | quote }}, key: {{ $v.smtp.hostKey | quote }}}
{{- end }}
{{- if and .svc.smtp $v.smtp.existingSecret }}
- name: HUB_SMTP_USER
  valueFrom:
    secretKeyRef: {name: {{ $v.smtp.existingSecret | quote }}, key: {{ $v.smtp.usernameKey | quote }}}
- name: HUB_SMTP_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $v.smtp.existingSecret | quote }}, key: {{ $v.smtp.passwordKey | quote }}}
{{- end }}
{{- if .svc.signsTokens }}
- name: HUB_BOOTSTRAP_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ required "bootstrapAdmin.existingSecret is required when a service signs tokens" $v.bootstrapAdmin.existingSecret | quote }}, key: {{ $v.bootstrapAdmin.passwordKey | quote }}}
{{- end }}
{{- end -}}

{{/* Volumes of a service pod. Call with (dict "root" $ "svc" $svc "configMap" $name). */}}
{{- define "hub.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .root.Values.tmpSizeLimit }}
- name: config
  configMap:
    name: {{ .configMap }}
{{- if .svc.signsTokens }}
- name: signing-key
  secret:
    secretName: {{ required "tokens.signingKey.existingSecret is required when a service signs tokens" .root.Values.tokens.signingKey.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .root.Values.tokens.signingKey.key }}
        path: {{ .root.Values.tokens.signingKey.key }}
{{- if .root.Values.tokens.signingKey.secondKey }}
{{- /* the second key (key rotation) is in the Secret only during a rotation: optional */}}
- name: signing-key-second
  secret:
    secretName: {{ .root.Values.tokens.signingKey.existingSecret }}
    defaultMode: 0440
    optional: true
    items:
      - key: {{ .root.Values.tokens.signingKey.secondKey }}
        path: {{ .root.Values.tokens.signingKey.secondKey }}
{{- end }}
{{- if .root.Values.sso.clientSecrets.existingSecret }}
{{- /* councils' SSO client secrets, one file per clientSecretRef; optional until a council needs one */}}
- name: sso-secrets
  secret:
    secretName: {{ .root.Values.sso.clientSecrets.existingSecret }}
    defaultMode: 0440
    optional: true
{{- end }}
{{- end }}
{{- end -}}

{{- define "hub.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: config
  mountPath: /etc/improvement-hub/application-kubernetes.yml
  subPath: application-kubernetes.yml
  readOnly: true
{{- if .svc.signsTokens }}
- name: signing-key
  mountPath: /etc/improvement-hub/signing-key
  readOnly: true
{{- if .root.Values.tokens.signingKey.secondKey }}
- name: signing-key-second
  mountPath: /etc/improvement-hub/signing-key-second
  readOnly: true
{{- end }}
{{- if .root.Values.sso.clientSecrets.existingSecret }}
- name: sso-secrets
  mountPath: /etc/improvement-hub/sso-secrets
  readOnly: true
{{- end }}
{{- end }}
{{- end -}}
