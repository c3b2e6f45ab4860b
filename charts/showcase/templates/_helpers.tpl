{{/* Named templates: define, template, include, block. */}}
{{- define "showcase.name" -}}
{{ .Chart.Name }}-{{ .Release.Name }}
{{- end }}

{{- define "showcase.labels" -}}
app.kubernetes.io/name: {{ include "showcase.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "showcase.echo" -}}
echo:{{ . }}
{{- end }}
