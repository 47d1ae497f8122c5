{{- define "portal.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "portal.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "portal.selectorLabels" -}}
app.kubernetes.io/name: {{ include "portal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "portal.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "portal.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "portal.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "portal.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret passed with envFrom: the operator's, or the chart's own. */}}
{{- define "portal.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if .Values.secrets.values }}
{{- include "portal.fullname" . }}
{{- end }}
{{- end }}

{{/*
The app-config overlay loaded after app-config.production.yaml: the
environments and cost/cache settings from values, then values.appConfig.
*/}}
{{- define "portal.appConfig" -}}
{{- $ml := dict "environments" .Values.mlPlatform.environments -}}
{{- with .Values.mlPlatform.cache }}{{ $_ := set $ml "cache" . }}{{ end -}}
{{- with .Values.mlPlatform.cost }}{{ $_ := set $ml "cost" . }}{{ end -}}
{{- $base := dict "mlPlatform" $ml -}}
{{- $merged := mustMergeOverwrite $base (deepCopy .Values.appConfig) -}}
{{- toYaml $merged }}
{{- end }}
