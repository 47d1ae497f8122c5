{{- define "inference-api.labels" -}}
app.kubernetes.io/name: inference-api
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.model.version | quote }}
ml-platform/model-name: {{ .Values.model.name | quote }}
ml-platform/model-version: {{ .Values.model.version | quote }}
{{- end -}}
