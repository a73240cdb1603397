{{/* Names are cut to 63 characters, the limit of a label value and a DNS label. */}}
{{- define "chargebase.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "chargebase.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "chargebase.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "chargebase.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "chargebase.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "chargebase.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "chargebase.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "chargebase.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* What replicas and the migration job share: the database, the key that protects signing keys, the integrations. */}}
{{- define "chargebase.commonEnv" -}}
- name: SPRING_DATASOURCE_URL
  value: {{ .Values.database.url | quote }}
- name: CHARGEBASE_DATABASE_APP_ROLE
  value: {{ .Values.database.appRole | quote }}
- name: CHARGEBASE_DATABASE_POOL_SIZE
  value: {{ .Values.database.poolSize | quote }}
- name: CHARGEBASE_DATABASE_STATEMENT_TIMEOUT
  value: {{ .Values.database.statementTimeout | quote }}
{{ include "chargebase.secretEnv" (dict "name" "CHARGEBASE_SECURITY_SIGNING_KEY_ENCRYPTION_KEY" "secret" .Values.signingKeyEncryptionKey.existingSecret "key" .Values.signingKeyEncryptionKey.key) }}
{{- with .Values.stripe }}
{{- if .existingSecret }}
{{ include "chargebase.secretEnv" (dict "name" "CHARGEBASE_STRIPE_API_KEY" "secret" .existingSecret "key" .apiKeyKey) }}
{{ include "chargebase.secretEnv" (dict "name" "CHARGEBASE_STRIPE_WEBHOOK_SECRET" "secret" .existingSecret "key" .webhookSecretKey) }}
{{- end }}
{{- end }}
{{- with .Values.smtp }}
{{- if .host }}
- name: SPRING_MAIL_HOST
  value: {{ .host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ .port | quote }}
- name: CHARGEBASE_MAIL_FROM
  value: {{ required "smtp.from is required when smtp.host is set" .from | quote }}
{{- if .existingSecret }}
{{ include "chargebase.secretEnv" (dict "name" "SPRING_MAIL_USERNAME" "secret" .existingSecret "key" .usernameKey) }}
{{ include "chargebase.secretEnv" (dict "name" "SPRING_MAIL_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}
{{- end }}
{{- end }}
{{- if .Values.trustedProxies }}
- name: CHARGEBASE_HTTP_TRUSTED_PROXIES
  value: {{ join "," .Values.trustedProxies | quote }}
{{- end }}
{{- $settings := dict }}
{{- range $name, $value := .Values.settings }}
{{- $_ := set $settings $name $value }}
{{- end }}
{{- range $name, $value := .Values.smtp.properties }}
{{- $_ := set $settings (printf "spring.mail.properties.%s" $name) $value }}
{{- end }}
{{- range $slug, $address := .Values.smtp.tenantFrom }}
{{- $_ := set $settings (printf "chargebase.mail.tenant-from.%s" $slug) $address }}
{{- end }}
{{- if $settings }}
- name: SPRING_APPLICATION_JSON
  value: {{ toJson $settings | quote }}
{{- end }}
{{- if .Values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.javaToolOptions | quote }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "chargebase.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "chargebase.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end -}}
